// The course's two editions, English (book/build/) and Korean
// (book/build/ko/), built by `cargo xtask book` from the same sources.
// Included on every page of both (book.toml, `additional-js`).
(function () {
    "use strict";

    // 1. A language picker in the menu bar: a link to this same page in the
    // other edition. The page's path below its edition's root is the same in
    // both, so the link is that path under the other root; `path_to_root` is
    // mdBook's, relative to this page, so this works from any server folder
    // and from file://.
    const lang = document.documentElement.lang === "ko" ? "ko" : "en";
    const other = lang === "ko"
        ? { lang: "en", label: "English", title: "Read this page in English", up: "../" }
        : { lang: "ko", label: "한국어", title: "이 페이지를 한국어로 읽기", up: "ko/" };
    const root = new URL(path_to_root || "./", window.location.href);
    let page = window.location.href.startsWith(root.href)
        ? window.location.href.slice(root.href.length)
        : "index.html";
    if (page === "" || page.startsWith("#") || page.startsWith("?")) {
        page = "index.html" + page;
    }
    const link = document.createElement("a");
    link.className = "course-lang-picker";
    link.href = new URL(other.up + page, root).href;
    link.hreflang = other.lang;
    link.lang = other.lang;
    link.title = other.title;
    link.setAttribute("aria-label", other.title);
    link.textContent = other.label;
    link.style.fontSize = "1.4rem";
    link.style.fontWeight = "600";
    link.style.padding = "0 10px";
    link.style.lineHeight = "var(--menu-bar-height)";
    link.style.textDecoration = "none";
    const buttons = document.querySelector(".menu-bar .right-buttons");
    if (buttons) {
        buttons.insertBefore(link, buttons.firstChild);
    }

    // 2. mdBook's own words (its buttons, the search box, the help on
    // keyboard shortcuts, the count of search results) in the Korean
    // edition, so a Korean page has no English of mdBook's around it.
    if (lang === "ko") {
        const words = {
            "Toggle Table of Contents": "목차 열고 닫기",
            "Table of contents": "목차",
            "Change theme": "테마 바꾸기",
            "Themes": "테마",
            "Toggle Searchbar": "검색창 열고 닫기",
            "Search (`/`)": "검색 (`/`)",
            "Print this book": "이 책 인쇄",
            "Previous chapter": "이전 장",
            "Next chapter": "다음 장",
            "Page navigation": "쪽 이동",
            "Git repository": "Git 저장소",
            "Suggest an edit": "고칠 곳 제안",
            "Search this book ...": "이 책에서 찾기…",
            "Copy to clipboard": "클립보드에 복사",
        };
        for (const name of ["title", "aria-label", "placeholder"]) {
            for (const element of document.querySelectorAll("[" + name + "]")) {
                const korean = words[element.getAttribute(name)];
                if (korean) {
                    element.setAttribute(name, korean);
                }
            }
        }
        const auto = document.getElementById("mdbook-theme-default_theme");
        if (auto && auto.textContent === "Auto") {
            auto.textContent = "자동";
        }
        const help = document.getElementById("mdbook-help-popup");
        if (help) {
            const title = help.querySelector(".mdbook-help-title");
            if (title) {
                title.textContent = "단축키";
            }
            const lines = {
                "←→": "<kbd>←</kbd> 또는 <kbd>→</kbd>: 이전 장, 다음 장으로",
                "S/": "<kbd>S</kbd> 또는 <kbd>/</kbd>: 책에서 찾기",
                "?": "<kbd>?</kbd>: 이 도움말 보이기",
                "Esc": "<kbd>Esc</kbd>: 이 도움말 숨기기",
            };
            for (const line of help.querySelectorAll("p")) {
                const keys = [...line.querySelectorAll("kbd")].map((k) => k.textContent).join("");
                if (lines[keys]) {
                    line.innerHTML = lines[keys];
                }
            }
        }
        // searcher.js writes "3 search results for 'x':" after each search.
        const header = document.getElementById("mdbook-searchresults-header");
        if (header) {
            const korean = function () {
                const text = header.innerText;
                let match = text.match(/^(\d+) search results? for '(.*)':$/s);
                if (match) {
                    header.innerText = "'" + match[2] + "' 검색 결과 " + match[1] + "건:";
                    return;
                }
                match = text.match(/^No search results for '(.*)'\.$/s);
                if (match) {
                    header.innerText = "'" + match[1] + "' 검색 결과가 없습니다.";
                }
            };
            new MutationObserver(korean).observe(header, { childList: true, characterData: true, subtree: true });
        }
    }

    // 3. Search that finds Korean words. mdBook's index (elasticlunr-rs)
    // keeps a Korean word as a token, but the search box runs each query
    // word through elasticlunr.js's trimmer, which strips `\W` from both
    // ends: for JavaScript every Hangul letter is `\W`, so `교착` became ""
    // and found nothing. The same trimmer with Unicode letters and digits
    // counted as word characters, registered under the name the index's
    // pipeline asks for, before the index is loaded (on first search).
    if (window.elasticlunr) {
        const trimmer = function (token) {
            if (token === null || token === undefined) {
                throw new Error("token should not be undefined");
            }
            return token
                .replace(/^[^\p{L}\p{N}_]+/u, "")
                .replace(/[^\p{L}\p{N}_]+$/u, "");
        };
        // Set directly, not with registerFunction, which warns on the
        // console when a name is taken.
        trimmer.label = "trimmer";
        elasticlunr.trimmer = trimmer;
        elasticlunr.Pipeline.registeredFunctions.trimmer = trimmer;
    }
})();
