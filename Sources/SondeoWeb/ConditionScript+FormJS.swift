/// The browser's side of ``ConditionScript``: the script that evaluates the conditions' JSON trees.
extension ConditionScript {
    /// `form.js`: reads the page's answers, evaluates every `data-cond`, hides what does not apply (and
    /// disables its inputs), and clears a question's answer when one of its NS/NR boxes is ticked.
    static let formJS = #"""
    "use strict";
    (function () {
      var form = document.getElementById("encuesta");
      if (!form) return;  // the review page has no conditions (the offline part below serves it too)
      var prior = JSON.parse(document.getElementById("previas").textContent || "{}");
      var specials = JSON.parse(document.getElementById("especiales").textContent || "{}");
      var mode = form.getAttribute("data-modo"), today = form.getAttribute("data-hoy");
      function answers() {
        var a = Object.assign({}, prior);
        form.querySelectorAll("[data-var]").forEach(function (q) {
          var v = q.getAttribute("data-var"), kind = q.getAttribute("data-kind");
          var sp = q.querySelector("input[name='" + v + "__especial']:checked");
          if (sp) { a[v] = { s: sp.value, c: specials[sp.value] }; return; }
          if (kind === "multiple") {
            var codes = [];
            q.querySelectorAll("input[name='" + v + "']:checked").forEach(function (i) { codes.push(Number(i.value)); });
            if (codes.length) a[v] = codes; else delete a[v];
          } else if (kind === "text") {
            var t = q.querySelector("[name='" + v + "']");
            if (t && t.value.trim() !== "") a[v] = t.value.trim(); else delete a[v];
          } else {
            var c = q.querySelector("input[name='" + v + "']:checked") || q.querySelector("input[type=number][name='" + v + "']");
            if (c && c.value !== "" && !isNaN(Number(c.value))) a[v] = Number(c.value); else delete a[v];
          }
        });
        return a;
      }
      function val(e, a) {
        switch (e[0]) {
          case "num": return e[1];
          case "txt": return e[1];
          case "mode": return mode;
          case "ref": var x = a[e[1]]; if (x && typeof x === "object" && !Array.isArray(x)) return x.c; return x;
          case "calc": var k = val(e[1], a); if (typeof k === "boolean") return k ? 1 : 0;
            if (typeof k === "string") return k === "" ? undefined : k;
            k = num(k); return isNaN(k) ? undefined : k;
          case "not": return !truth(val(e[1], a));
          case "neg": return -num(val(e[1], a));
          case "bin":
            var op = e[1];
            if (op === "y") return truth(val(e[2], a)) && truth(val(e[3], a));
            if (op === "o") return truth(val(e[2], a)) || truth(val(e[3], a));
            return bin(op, val(e[2], a), val(e[3], a));
          case "in": var s = val(e[1], a); return e[2].some(function (i) { return bin("=", s, val(i, a)) === true; });
          case "has": var h = val(e[1], a); return Array.isArray(h) && h.indexOf(e[2]) >= 0;
          case "ans": var r = val(e[1], a); return r !== undefined && r !== null;
          case "sp": var y = a[e[1][1]]; return !!(y && y.s === e[2]);
          case "fn": return fn(e[1], e[2], a);
        }
        return undefined;
      }
      // The functions of the language, as Evaluator.call computes them (dates are "aaaa-mm-dd" texts).
      function text(v) { if (v === undefined || v === null) return ""; if (Array.isArray(v)) return v.slice().sort(function (x, y) { return x - y; }).join(" ");
        if (typeof v === "number") return isNaN(v) ? "" : String(v); return String(v); }
      function day(v) { if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
        var t = Date.UTC(+v.slice(0, 4), +v.slice(5, 7) - 1, +v.slice(8, 10)); var d = new Date(t);
        return d.getUTCDate() === +v.slice(8, 10) ? Math.round(t / 86400000) : null; }
      function fn(name, args, a) {
        var v = function (i) { return val(args[i], a); };
        switch (name) {
          case "si": return truth(v(0)) ? v(1) : v(2);
          case "redondear": var x = num(v(0)), n = args.length > 1 ? Math.trunc(num(v(1))) : 0; if (isNaN(x) || isNaN(n)) return undefined;
            // A half away from zero on the number as written (2.675 → 2.68), as JavaRosa's round(x, n).
            var ax = Math.abs(x), r = String(ax).indexOf("e") >= 0 ? Number(ax.toFixed(Math.max(0, n))) : Number(Math.round(Number(ax + "e" + n)) + "e" + (-n));
            return x < 0 ? -r : r;
          case "contar": var c = v(0); return Array.isArray(c) ? c.length : 0;
          case "longitud": return text(v(0)).length;
          case "hoy": return today;
          case "dias": var p = day(v(0)), q = day(v(1)); return p === null || q === null ? undefined : q - p;
          case "sumar_dias": var s = day(v(0)), k = num(v(1)); if (s === null || isNaN(k)) return undefined;
            return new Date((s + Math.floor(k)) * 86400000).toISOString().slice(0, 10);
          case "coincide": try { return new RegExp(args[1][1]).test(text(v(0))); } catch (err) { return false; }
        }
        return undefined;
      }
      function truth(v) { if (typeof v === "boolean") return v; if (typeof v === "number") return v !== 0 && !isNaN(v);
        if (typeof v === "string") return v !== ""; if (Array.isArray(v)) return v.length > 0; return false; }
      function num(v) { if (typeof v === "number") return v; if (typeof v === "boolean") return v ? 1 : 0;
        if (typeof v === "string" && v.trim() !== "" && !isNaN(Number(v))) return Number(v); return NaN; }
      function bin(op, x, y) {
        if (op === "+") return num(x) + num(y); if (op === "-") return num(x) - num(y); if (op === "*") return num(x) * num(y);
        if (op === "/") return num(y) === 0 ? NaN : num(x) / num(y);
        if (x === undefined || y === undefined || x === null || y === null) return op === "<>";
        if (typeof x === "string" && typeof y === "string") return cmp(op, x, y);
        var a = num(x), b = num(y); if (isNaN(a) || isNaN(b)) return op === "<>";
        return cmp(op, a, b);
      }
      function cmp(op, a, b) {
        switch (op) { case "=": return a === b; case "<>": return a !== b; case "<": return a < b; case "<=": return a <= b;
          case ">": return a > b; case ">=": return a >= b; } return false;
      }
      function piped(name, a, alt) {
        var x = a[name];
        if (x === undefined || x === null || (typeof x === "object" && !Array.isArray(x))) return alt || "—";
        if (Array.isArray(x)) return x.join(", ");
        var chosen = form.querySelector("input[type=radio][name='" + name + "']:checked");
        var label = chosen && chosen.parentNode.querySelector("span");
        if (label && chosen.closest(".opcion")) return label.textContent;
        return String(x);
      }
      function refresh() {
        var a = answers();
        form.querySelectorAll("[data-pipe]").forEach(function (p) {
          var name = p.getAttribute("data-pipe");
          if (form.querySelector("[name='" + name + "']")) p.textContent = piped(name, a, p.getAttribute("data-alt"));
        });
        form.querySelectorAll("[data-cond]").forEach(function (q) {
          var show = truth(val(JSON.parse(q.getAttribute("data-cond")), a));
          q.hidden = !show;
          q.querySelectorAll("input, textarea, select").forEach(function (i) { i.disabled = !show; });
        });
      }
      form.addEventListener("change", function (event) {
        var t = event.target;
        if (t.name && t.name.slice(-10) === "__especial" && t.checked) {
          var v = t.name.slice(0, -10);
          form.querySelectorAll("[name='" + v + "']").forEach(function (i) { if (i.type === "radio" || i.type === "checkbox") i.checked = false; else i.value = ""; });
          form.querySelectorAll("input[name='" + t.name + "']").forEach(function (i) { if (i !== t) i.checked = false; });
        } else if (t.name && t.name.slice(-10) !== "__especial") {
          form.querySelectorAll("input[name='" + t.name + "__especial']").forEach(function (i) { i.checked = false; });
        }
        refresh();
      });
      form.addEventListener("input", refresh);
      refresh();
    })();
    """#
}
