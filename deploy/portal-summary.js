// Parent-page helper for portals that embed the DTI calculator (iframe[data-dti]).
// The calculator posts { type: "dti-height", height } and { type: "dti-summary", total,
// max, percent, level, levelId, label, lang }. This script keeps the second on screen:
// - a frame marked data-dti-autosize is sized from the first (the page scrolls, not the
//   frame, so the app's own summary is far off screen): a bar sticks to the top of the page;
// - any other frame (e.g. as tall as the window) shows the app's own summary while it is
//   wholly on screen; while part of it is scrolled off, a bar is fixed at the bottom.
// Messages are accepted only from the frame's own window and origin; their text is shown
// as text, never as HTML. Plain ES5, no build step.
(function () {
  var COLOURS = { dan_dat: "#0a6b2d", nang_cao: "#0b5394", hinh_thanh: "#7a4a00", khoi_dong: "#5c5c5c" };

  function bar(frame, autosize) {
    var box = document.createElement("div");
    box.className = "dti-portal-summary";
    box.setAttribute("role", "status");
    box.setAttribute("aria-live", "polite");
    box.setAttribute("data-dti-summary", "");
    var place = autosize
      ? "position:sticky;top:0;border-bottom:2px solid #0b5394;box-shadow:0 2px 6px rgba(0,0,0,.15);"
      : "position:fixed;left:0;right:0;bottom:0;border-top:2px solid #0b5394;box-shadow:0 -2px 6px rgba(0,0,0,.15);";
    box.style.cssText = place + "z-index:1000;display:none;flex-wrap:wrap;gap:.75rem;align-items:center;" +
      "padding:.5rem 1rem;background:#fff;color:#1b1b1b;font:600 1rem/1.4 system-ui,sans-serif";
    var parts = {};
    ["label", "total", "percent", "level"].forEach(function (key) {
      var span = document.createElement("span");
      span.setAttribute("data-dti-" + key, "");
      box.appendChild(span);
      parts[key] = span;
    });
    parts.total.style.fontSize = "1.25rem";
    parts.level.style.cssText = "color:#fff;padding:.1rem .6rem;border-radius:4px;background:#5c5c5c";
    frame.parentNode.insertBefore(box, frame);
    return { box: box, parts: parts };
  }

  function attach(frame) {
    var autosize = frame.hasAttribute("data-dti-autosize");
    var origin;
    try {
      origin = new URL(frame.src, location.href).origin;
    } catch (e) {
      return;
    }
    var summary = bar(frame, autosize);
    var received = false;
    function place() {
      var show = received;
      if (show && !autosize) {
        var r = frame.getBoundingClientRect();
        var visible = r.bottom > 0 && r.top < window.innerHeight;
        var whole = r.top >= -1 && r.bottom <= window.innerHeight + 1;
        show = visible && !whole;
      }
      summary.box.style.display = show ? "flex" : "none";
    }
    window.addEventListener("scroll", place, { passive: true });
    window.addEventListener("resize", place);
    window.addEventListener("message", function (e) {
      if (e.source !== frame.contentWindow || e.origin !== origin || !e.data) return;
      var d = e.data;
      if (d.type === "dti-height" && autosize && typeof d.height === "number" && d.height > 0) {
        frame.style.height = Math.ceil(d.height) + "px";
      } else if (d.type === "dti-summary") {
        var p = summary.parts;
        p.label.textContent = String(d.label || "");
        p.total.textContent = String(d.total || "") + " / " + String(d.max || "");
        p.percent.textContent = String(d.percent || "");
        p.level.textContent = String(d.level || "");
        p.level.style.background = COLOURS[d.levelId] || "#5c5c5c";
        summary.box.lang = String(d.lang || "vi");
        received = true;
      }
      place();
    });
  }

  var frames = document.querySelectorAll("iframe[data-dti]");
  for (var i = 0; i < frames.length; i++) attach(frames[i]);
})();
