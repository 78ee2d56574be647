// Keyboard shortcuts for the review pages; every action is also a plain link or form.
(function () {
  "use strict";
  function typing(target) {
    var name = target && target.tagName;
    return name === "INPUT" || name === "TEXTAREA" || name === "SELECT" || (target && target.isContentEditable);
  }
  function click(id) {
    var element = document.getElementById(id);
    if (element) { element.click(); return true; }
    return false;
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var handled = false;
    switch (event.key) {
      case "a": handled = click("approve"); break;
      case "r": handled = click("reject"); break;
      case "n": case "j": handled = click("next"); break;
      case "p": case "k": handled = click("previous"); break;
      case "e":
        var edit = document.getElementById("edit");
        if (edit) { edit.open = true; document.getElementById("edit-prompt").focus(); handled = true; }
        break;
      case "/":
        var search = document.getElementById("search");
        if (search) { search.focus(); handled = true; }
        break;
    }
    if (handled) { event.preventDefault(); }
  });
})();
