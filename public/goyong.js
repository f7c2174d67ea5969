// goyong-agent: the citizen entry on the login page ("시민으로 시작하기" → /citizen, no account needed).
(function () {
  "use strict";
  function addCitizenEntry() {
    if (!window.location.pathname.startsWith("/login")) return;
    var form = document.querySelector("form");
    if (!form || document.getElementById("goyong-citizen")) return;
    var box = document.createElement("div");
    box.id = "goyong-citizen";
    var title = document.createElement("p");
    title.className = "goyong-citizen-title";
    title.textContent = "일자리·직업훈련·실업급여가 궁금하신가요?";
    var button = document.createElement("a");
    button.id = "goyong-citizen-start";
    button.href = "/citizen";
    button.className = "goyong-citizen-button";
    button.textContent = "시민으로 시작하기 (로그인 없이)";
    var note = document.createElement("p");
    note.className = "goyong-citizen-note";
    note.textContent = "계정 없이 바로 상담할 수 있습니다. 아래는 고용센터 상담사·관리자용 로그인입니다.";
    box.appendChild(title);
    box.appendChild(button);
    box.appendChild(note);
    form.parentNode.insertBefore(box, form);
  }
  // Chainlit opens every new side element (our source panels) in a side view by itself, which squeezes the
  // answer tables on a desktop and covers the chat on a phone. Keep the panel for when a source is clicked.
  var lastSourceClick = 0;
  document.addEventListener("click", function (event) {
    if (event.target && event.target.closest && event.target.closest("a.element-link")) {
      lastSourceClick = Date.now();
    }
  }, true);
  function closeUnaskedSideView() {
    var title = document.getElementById("side-view-title");
    if (!title || title.dataset.goyongSeen) return;
    title.dataset.goyongSeen = "1";
    if (Date.now() - lastSourceClick < 2000) return;
    var back = title.querySelector("button");
    if (back) {
      back.click();
    } else {
      document.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    }
  }
  new MutationObserver(function () {
    addCitizenEntry();
    closeUnaskedSideView();
  }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", addCitizenEntry);
})();
