"""The Content-Security-Policy holds in a real browser, and the suite notices when it is broken.

Every other browser test fails on a violation (conftest.py); this one proves that such a
violation is really blocked and really reported, so a silent harness cannot pass for a clean one.
"""

from .conftest import log_in

INJECT = """() => {
  const script = document.createElement("script");
  script.textContent = "window.injected = true";
  document.body.appendChild(script);
  document.body.insertAdjacentHTML("beforeend", '<p id="styled" style="color: rgb(255, 0, 0)">x</p>');
}"""


def test_an_injected_inline_script_and_style_are_blocked_and_reported(new_page, browser_problems):
    page = new_page()
    page.goto("/accounts/login/")
    page.evaluate(INJECT)
    page.wait_for_function("() => document.getElementById('styled')")
    assert page.evaluate("() => window.injected") is None
    assert page.evaluate("() => getComputedStyle(document.getElementById('styled')).color") != "rgb(255, 0, 0)"
    page.wait_for_timeout(200)  # the violation events are dispatched asynchronously
    reported = "\n".join(browser_problems["problems"])
    assert "CSP violation: script-src-elem" in reported
    assert "CSP violation: style-src-attr" in reported
    browser_problems["problems"].clear()  # expected here; any other test fails on them


def test_the_styles_scripts_and_fonts_of_a_signed_in_page_load_under_the_policy(new_page, user_with_role):
    user_with_role("Secretariat", username="csp-sec")
    page = new_page()
    log_in(page, "csp-sec")
    # Bootstrap's stylesheet applied, htmx and the portal's script ran, the Noto Sans font loaded.
    assert page.evaluate("() => getComputedStyle(document.querySelector('.navbar')).display") == "flex"
    assert page.evaluate("() => typeof window.htmx") == "object"
    assert page.evaluate("() => window.htmx.config.includeIndicatorStyles") is False
    page.evaluate("() => document.fonts.ready")
    assert page.evaluate("() => document.fonts.check('16px \"Noto Sans\"')")
