"""A commune imports its nominations from a file (issue 16, item 2): the page's template and codes, a file with a
wrong row refused whole with the row and column named, then the corrected file imported as drafts."""
import os
import tempfile

from selenium.webdriver.common.by import By

from conftest import BASE, click, flash, main_text, screenshot, sign_in, submit_and_wait

HEADER = "Mã đợt,Mã phong trào,Loại đối tượng,\"Tên tập thể, cá nhân, hộ gia đình\",\"Danh hiệu, hình thức đề nghị\",Tóm tắt thành tích\n"


def upload(browser, text):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, encoding="utf-8") as file:
        file.write(text)
    try:
        browser.find_element(By.ID, "file").send_keys(file.name)
        submit_and_wait(browser, browser.find_element(By.XPATH, "//button[normalize-space()='Nhập hồ sơ']"))
    finally:
        os.unlink(file.name)


def test_a_commune_imports_its_nominations_all_or_none(browser):
    sign_in(browser, "tttuachua.canbo")
    browser.get(BASE + "/ho-so")
    click(browser, "Nhập từ tệp Excel, CSV")
    assert "Tải mẫu Excel" in main_text(browser)
    round_code = browser.find_element(By.CSS_SELECTOR, "td[data-label='Mã đợt'] code").text
    # A movement that takes individuals, as its row of the codes says.
    movement_code = next(row.find_element(By.CSS_SELECTOR, "code").text
                         for row in browser.find_elements(By.XPATH, "//tr[td[@data-label='Mã phong trào']]")
                         if "Cá nhân" in row.find_element(By.CSS_SELECTOR, "td[data-label='Loại đối tượng nhận']").text)
    screenshot(browser, "import-01-page")

    upload(browser, HEADER + f"{round_code},{movement_code},Cá nhân,Giàng Thị Nhập,Lao động tiên tiến,Dạy giỏi\n"
                    + f"{round_code},khong-co-phong-trao,Cá nhân,Vàng A Sai,,\n")
    text = main_text(browser)
    assert "Chưa nhập dòng nào" in browser.page_source and "khong-co-phong-trao" in text and "Mã phong trào" in text
    screenshot(browser, "import-02-refused")

    upload(browser, HEADER + f"{round_code},{movement_code},Cá nhân,Giàng Thị Nhập,Lao động tiên tiến,Dạy giỏi\n")
    assert "Đã nhập các hồ sơ từ tệp" in flash(browser), main_text(browser)[-700:]
    assert "Giàng Thị Nhập" in main_text(browser)
    screenshot(browser, "import-03-imported")
