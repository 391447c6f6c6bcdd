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

    // 2. Search that finds Korean words. mdBook's index (elasticlunr-rs)
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
