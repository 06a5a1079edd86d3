"""Agreement of two annotators on the unseen windows that were annotated twice (benchmarks/unseen/second/), and
speechkit's figures against each: totals only, no record printed (these windows are unseen gold).

    python benchmarks/agreement.py
"""
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _shared import SHARED, doc_path, read_all, require_shared  # noqa: E402

HERE = Path(__file__).resolve().parent
KEYS = ["f1", "precision", "recall", "checkable_f1", "deadline", "deadline_n", "owner", "owner_n", "metric",
        "metric_n", "strength"]


def score(gold_dir: Path, pred: Path) -> dict:
    out = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), "--gold", str(gold_dir), "--pred",
                          str(pred), "--json"], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def main() -> None:
    require_shared()
    second = sorted((HERE / "unseen" / "second").glob("*.jsonl"))
    if not second:
        sys.exit("benchmarks/unseen/second: no second annotation")
    tmp = Path(tempfile.mkdtemp())
    first_dir, second_dir = tmp / "first", tmp / "second"
    first_dir.mkdir()
    second_dir.mkdir()
    for p in second:  # the unseen gold of the same documents, restricted to the windows annotated twice
        scopes = [json.loads(line)["scope"] for line in p.open(encoding="utf-8") if '"scope"' in line]
        keep = [line for line in (HERE / "unseen" / p.name).open(encoding="utf-8")
                if '"scope"' not in line and any(a <= json.loads(line)["start"] < b for a, b in scopes)]
        (first_dir / p.name).write_text("".join(json.dumps({"doc_id": p.stem, "scope": s}) + "\n" for s in scopes)
                                        + "".join(keep), encoding="utf-8")
        (second_dir / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    as_pred = tmp / "second.jsonl"
    as_pred.write_text("".join(line for p in second for line in p.open(encoding="utf-8") if '"scope"' not in line),
                       encoding="utf-8")
    from speechkit import Extractor

    ex = Extractor()
    pred = tmp / "speechkit.jsonl"
    pred.write_text("".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n"
                            for sp in read_all([doc_path(p.stem) for p in second]) for c in ex.extract(sp)),
                    encoding="utf-8")
    rows = [("second annotation vs unseen gold", score(first_dir, as_pred)),
            ("speechkit vs unseen gold", score(first_dir, pred)),
            ("speechkit vs second annotation", score(second_dir, pred))]
    print(f"{len(second)} documents, windows annotated twice")
    for name, r in rows:
        print(f"{name:34s} " + "  ".join(f"{k} {r[k]:.3f}" if isinstance(r[k], float) else f"{k} {r[k]}"
                                          for k in KEYS if k in r))


if __name__ == "__main__":
    main()
