// sok serve: reloads the page when a rebuild changes it. The page carries its version
// (data-version); its event stream (/__sok/events?page=<this path>) sends the page's version
// now (`hello`) and after every rebuild that changes it (`reload`); a page whose version
// differs reloads. Not part of a `sok build` output.
(function () {
  "use strict";
  var script = document.currentScript;
  var version = script && script.getAttribute("data-version");
  // The problems' overlay and the lint summary can each be hidden until the next reload.
  ["sok-overlay", "sok-lint"].forEach(function (id) {
    var panel = document.getElementById(id);
    var hide = panel && panel.querySelector(".sok-overlay__hide, .sok-lint__hide");
    if (hide) {
      hide.hidden = false;
      hide.addEventListener("click", function () {
        panel.hidden = true;
      });
    }
  });
  if (!window.EventSource) {
    return;
  }
  var events = new EventSource(
    "/__sok/events?page=" + encodeURIComponent(window.location.pathname)
  );
  function check(event) {
    if (event.data !== version) {
      events.close();
      window.location.reload();
    }
  }
  events.addEventListener("hello", check);
  events.addEventListener("reload", check);
})();
