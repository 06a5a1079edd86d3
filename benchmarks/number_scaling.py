"""find_quantities on adversarial inputs: doubling the input must cost at most 2.2x the time.

Each input is a pattern repeated to n, 2n and 4n characters; the time is the process CPU time, the
best of five runs (the machine is shared). A quadratic scan shows as a ratio near 4. The figure
checked against the target is the cost of one doubling over the whole range, (t(4n)/t(n)) ** 0.5,
which a single noisy timing moves less than either step alone.

    python benchmarks/number_scaling.py            # n = 50,000 characters
    python benchmarks/number_scaling.py 20000      # another n
"""
import sys
import time

PATTERNS = {
    "Chinese numerals": "一二三四五六七八九十百千",
    "Chinese numerals + unit": "三千二百万五" * 10 + "元",
    "digits": "1234567890",
    "万万万": "万",
    "digits and units": "1个",
    "digits, magnitudes, units": "3万元",
    "range chain": "1万-",
    "commas and digits": "1，",
    "grouped digits": "123,",
    "decimal points": "1.",
    "approximations": "七八",
    "vague words": "数十几",
    "spaces and digits": "1 ",
    "text with numbers": "全年新增就业1100万人以上，增长6%-6.5%，投资八九亿元。",
}
LIMIT = 2.2


def best_time(text, repeat=5):
    from speechkit.rules.quantities import find_quantities

    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        find_quantities(text)
        best = min(best, time.process_time() - t)
    return best


def main():
    from speechkit.rules.quantities import find_quantities

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    find_quantities("预热1个")
    print(f"find_quantities on adversarial inputs, n = {n:,} characters (CPU time, best of 5)")
    print("| input | n | 2n | 4n | 2n/n | 4n/2n | per doubling |")
    print("|---|---|---|---|---|---|---|")
    worst = 0.0
    for name, unit in PATTERNS.items():
        ts = [best_time((unit * (k * n // len(unit) + 1))[:k * n]) for k in (1, 2, 4)]
        r1, r2 = ts[1] / max(ts[0], 1e-9), ts[2] / max(ts[1], 1e-9)
        per = (ts[2] / max(ts[0], 1e-9)) ** 0.5
        worst = max(worst, per)
        print(f"| {name} | {ts[0] * 1000:.0f} ms | {ts[1] * 1000:.0f} ms | {ts[2] * 1000:.0f} ms | {r1:.2f} | {r2:.2f} "
              f"| {per:.2f} |")
    print(f"worst cost of a doubling: {worst:.2f} (target <= {LIMIT})")


if __name__ == "__main__":
    main()
