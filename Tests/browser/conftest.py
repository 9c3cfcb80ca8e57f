"""Fixtures of the browser suite: the demo's address, a headless Chromium at a laptop's or a phone's size,
signing in as a demo account, and checks every page must pass."""
import os
import re
import pytest
import requests
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE = os.environ.get("THIDUA_URL", "http://127.0.0.1:8080")
SHOTS = os.environ.get("THIDUA_SCREENSHOTS", "/tmp/thidua-screenshots")
PASSWORD = "thidua-demo"
DESKTOP = (1366, 768)
PHONE = (360, 740)


def make_driver(size=DESKTOP):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={size[0]},{size[1]}",
                     "--lang=vi-VN", "--disable-gpu"]:
        options.add_argument(argument)
    if size == PHONE:
        # Headless Chromium keeps windows at least 500 px wide; a phone's viewport needs its emulation.
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": size[0], "height": size[1], "pixelRatio": 1}})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture
def browser():
    driver = make_driver()
    yield driver
    driver.quit()


@pytest.fixture
def phone():
    driver = make_driver(PHONE)
    yield driver
    driver.quit()


def sign_in(driver, username, password=PASSWORD):
    driver.delete_all_cookies()
    driver.get(BASE + "/dang-nhap")
    driver.find_element(By.ID, "username").send_keys(username)
    driver.find_element(By.ID, "password").send_keys(password)
    submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#dang-nhap button[type=submit]"))


def sign_out(driver):
    submit_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#dang-xuat button"))


def click(driver, label):
    """Presses the button (or follows the link) whose visible text is `label`, and waits for the next page."""
    for element in driver.find_elements(By.CSS_SELECTOR, "button, a"):
        if element.text.strip() == label and element.is_displayed():
            submit_and_wait(driver, element)
            return
    raise AssertionError(f"no button or link «{label}» on {driver.current_url}")


def submit_and_wait(driver, element):
    """Clicks `element` and waits until the page it leads to has replaced this one.

    The old page is marked with a script variable rather than watched through an
    element reference: Chromium's driver may answer a reference into a document
    being torn down with an inspector error instead of a stale-element one."""
    driver.execute_script("window.thiduaPreviousPage = true")
    element.click()

    def next_page_loaded(d):
        try:
            return d.execute_script(
                "return !window.thiduaPreviousPage && document.readyState === 'complete'")
        except WebDriverException:
            return False  # the old document is going away mid-call; ask again

    WebDriverWait(driver, 20).until(next_page_loaded)


def fill(driver, label, text):
    """Types into the field whose <label> reads `label`."""
    for element in driver.find_elements(By.TAG_NAME, "label"):
        if element.text.strip() == label:
            field = driver.find_element(By.ID, element.get_attribute("for"))
            field.clear()
            field.send_keys(text)
            return field
    raise AssertionError(f"no field «{label}» on {driver.current_url}")


def main_text(driver):
    return driver.find_element(By.TAG_NAME, "main").text


def flash(driver):
    found = driver.find_elements(By.CSS_SELECTOR, "p.flash[role=status]")
    return found[0].text if found else ""


def error(driver):
    found = driver.find_elements(By.CSS_SELECTOR, "div.loi[role=alert]")
    return found[0].text if found else ""


def screenshot(driver, name):
    os.makedirs(SHOTS, exist_ok=True)
    driver.save_screenshot(os.path.join(SHOTS, re.sub(r"[^a-z0-9.-]+", "-", name.lower()) + ".png"))


def http(driver):
    """A plain HTTP client holding the browser's cookies: to fetch what the server sent, download files, and post
    forms outside what the page offers (a CSP forbids scripts from doing it)."""
    session = requests.Session()
    for cookie in driver.get_cookies():
        session.cookies.set(cookie["name"], cookie["value"])
    return session
