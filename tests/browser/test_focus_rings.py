"""Focus rings on each background the portal has: the navy bar, the page, a white card, a table, an alert.

Each focused control is photographed (``FOCUS_SHOTS`` names a folder to keep the pictures) and
the ring's computed outline is checked: solid, at least 2px, and its colour at 3:1 or more
against the background behind it (WCAG 2.1 1.4.11).
"""

import os
from pathlib import Path

import pytest

from idswg.roles import SECRETARIAT
from meetings.tests.factories import InvitationFactory

from .conftest import log_in

pytestmark = pytest.mark.browser

RING = """e => {
  const style = getComputedStyle(e);
  let node = e.parentElement, background = "rgba(0, 0, 0, 0)";
  while (node && (background === "rgba(0, 0, 0, 0)" || background === "transparent")) {
    background = getComputedStyle(node).backgroundColor; node = node.parentElement;
  }
  return {style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor, background};
}"""


def luminance(rgb):
    channels = [int(c) / 255 for c in rgb.split("(")[1].split(")")[0].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted([luminance(a), luminance(b)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_focused_control_shows_a_ring_at_3_to_1_on_its_background(new_page, user_with_role, tmp_path):
    shots = Path(os.environ.get("FOCUS_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    invitation = InvitationFactory()
    page = new_page()
    log_in(page, user_with_role(SECRETARIAT).username)
    checks = [
        ("/", "#main-nav .nav-link", "nav-link-on-navy"),
        ("/", "#main-nav .dropdown-toggle", "account-menu-on-navy"),
        ("/", "footer select", "language-select-on-white"),
        ("/", "footer button", "outline-button-on-white"),
        (invitation.get_absolute_url(), "main input[name=state]", "radio-on-card"),
        (invitation.get_absolute_url(), "input[name$=name]", "field-on-card"),
        (invitation.get_absolute_url(), "main button[type=submit]", "primary-button-on-card"),
        ("/manage/accounts/", "main a.btn, main .btn", "button-on-page"),
        ("/manage/accounts/", "main table a", "link-in-table"),
    ]
    failures = []
    for url, selector, name in checks:
        page.goto(url)
        control = page.locator(selector).first
        control.focus()
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # focused from the keyboard: :focus-visible applies
        if not control.evaluate("e => e === document.activeElement"):
            control.focus()
        ring = control.evaluate(RING)
        control.scroll_into_view_if_needed()  # the clip is in the viewport: bring the control there
        box = control.bounding_box()
        page.screenshot(
            path=str(shots / f"{name}.png"),
            clip={
                "x": max(box["x"] - 24, 0),
                "y": max(box["y"] - 24, 0),
                "width": box["width"] + 48,
                "height": box["height"] + 48,
            },
        )
        ratio = contrast(ring["color"], ring["background"])
        if ring["style"] != "solid" or ring["width"] < 2 or ratio < 3:
            failures.append(f"{name}: {ring} ({ratio:.2f}:1)")
    assert not failures, failures
