"""The secretariat's reports in a real browser: from the menu to each report page, its bars drawn, and its
"Tải Excel" file downloaded with the browser's session and opened as a workbook whose title is the page's."""
import io
import zipfile

from selenium.webdriver.common.by import By

from conftest import BASE, http, make_driver, screenshot, sign_in

# Each report page, and whether its demo figures are drawn as bars (0602.N is named, not produced).
# The demo's figures are of 2021; another test of the same demo may open 2022, which the yearly pages would then
# show by default (the year of the newest round), empty.
REPORTS = [("/bao-cao/chi-tieu", True), ("/bao-cao/nam?nam=2021", True), ("/bao-cao/0601?nam=2021", True), ("/bao-cao/0603?nam=2021", True),
           ("/bao-cao/so-ket", True), ("/bao-cao/tong-ket", True)]


def workbook_text(content):
    """The first sheet's XML of an XLSX file (a zip of XML parts); raises if it is not one."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        assert "[Content_Types].xml" in archive.namelist()
        return archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


def test_secretariat_opens_each_report_sees_bars_and_downloads_its_workbook():
    driver = make_driver()
    try:
        sign_in(driver, "noivu.thuky")
        menu = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "nav a")]
        assert BASE + "/bao-cao" in menu, f"no Báo cáo in the menu: {menu}"
        driver.get(BASE + "/bao-cao")
        listed = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a")]
        client = http(driver)
        for path, has_bars in REPORTS:
            assert BASE + path.split("?")[0] in listed, f"{path} not listed on /bao-cao"
            driver.get(BASE + path)
            title = driver.find_element(By.TAG_NAME, "h1").text
            assert title, f"{path}: no title"
            bars = driver.find_elements(By.CSS_SELECTOR, "svg.bars rect")
            if has_bars:
                assert bars, f"{path}: no bars"
            screenshot(driver, "bao-cao-" + path.split("?")[0].rsplit("/", 1)[1])
            excel = [a.get_attribute("href") for a in driver.find_elements(By.LINK_TEXT, "Tải Excel")]
            assert excel, f"{path}: no Tải Excel link"
            reply = client.get(excel[0])
            assert reply.status_code == 200, f"{path}: {reply.status_code}"
            assert reply.headers["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
            sheet = workbook_text(reply.content)
            assert title in sheet, f"{path}: the workbook does not hold the title «{title}»"
            csv = client.get(excel[0].replace("tai=xlsx", "tai=csv"))
            assert csv.status_code == 200 and csv.content.startswith(b"\xef\xbb\xbf"), f"{path}: CSV without a BOM"
        driver.get(BASE + "/bao-cao/0602")
        assert "0602.N" in driver.find_element(By.TAG_NAME, "main").text
    finally:
        driver.quit()


def test_commune_clerk_has_no_reports():
    driver = make_driver()
    try:
        sign_in(driver, "sinchai.canbo")
        assert BASE + "/bao-cao" not in [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "nav a")]
        assert http(driver).get(BASE + "/bao-cao/nam").status_code == 403
    finally:
        driver.quit()
