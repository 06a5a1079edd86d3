/* speechkit report: filter and sort the tables. Without this script they are plain tables. */
(function () {
  "use strict";
  function cellValue(row, idx) {
    var c = row.cells[idx];
    return c ? (c.getAttribute("data-v") || "") : "";
  }
  function compare(a, b) {
    if (a === "" || b === "") { return a === b ? 0 : (a === "" ? 1 : -1); }
    var x = Number(a), y = Number(b);
    if (!isNaN(x) && !isNaN(y)) { return x - y; }
    return a.localeCompare(b, "zh-CN");
  }
  function setup(table) {
    var body = table.tBodies[0];
    if (!body) { return; }
    var rows = Array.prototype.slice.call(body.rows);
    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var bar = document.createElement("div");
    bar.className = "sk-filters";
    var selects = [];
    var wanted = (table.getAttribute("data-filters") || "").split(",").filter(Boolean);
    heads.forEach(function (th, idx) {
      if (wanted.indexOf(th.getAttribute("data-col")) < 0) { return; }
      var values = {};
      rows.forEach(function (r) {
        var v = cellValue(r, idx);
        if (v !== "" && !values[v]) { values[v] = r.cells[idx].textContent.trim() || v; }
      });
      var keys = Object.keys(values).sort(compare);
      if (keys.length < 2) { return; }
      var label = document.createElement("label");
      label.textContent = th.textContent + " ";
      var sel = document.createElement("select");
      sel.setAttribute("data-col", th.getAttribute("data-col"));
      sel.appendChild(new Option("全部", ""));
      keys.forEach(function (k) { sel.appendChild(new Option(values[k] === k ? k : values[k] + " (" + k + ")", k)); });
      sel.addEventListener("change", apply);
      label.appendChild(sel);
      bar.appendChild(label);
      selects.push([sel, idx]);
    });
    var search = document.createElement("input");
    search.type = "search";
    search.placeholder = "搜索…";
    search.className = "sk-search";
    search.addEventListener("input", apply);
    bar.appendChild(search);
    var count = document.createElement("span");
    count.className = "sk-count";
    bar.appendChild(count);
    table.parentNode.parentNode.insertBefore(bar, table.parentNode);
    function apply() {
      var q = search.value.trim();
      var shown = 0;
      rows.forEach(function (r) {
        var ok = selects.every(function (s) { return !s[0].value || cellValue(r, s[1]) === s[0].value; });
        if (ok && q) { ok = r.textContent.indexOf(q) >= 0; }
        r.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = "显示 " + shown + " / " + rows.length + " 行";
    }
    heads.forEach(function (th, idx) {
      th.classList.add("sk-sortable");
      th.title = "点击排序";
      th.addEventListener("click", function () {
        var asc = !th.classList.contains("sk-asc");
        heads.forEach(function (h) { h.classList.remove("sk-asc", "sk-desc"); });
        th.classList.add(asc ? "sk-asc" : "sk-desc");
        rows.sort(function (a, b) { var d = compare(cellValue(a, idx), cellValue(b, idx)); return asc ? d : -d; });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
    apply();
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sk-table"), setup);
})();
