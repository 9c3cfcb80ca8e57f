"""Administration from the pages (issue 16, item 4): the secretariat opens 2022 from /quan-tri/nam-moi and a
commune clerk finds its rounds; the administrator creates an account, resets its password with a reason, and the
new user signs in with it."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE, click, fill, flash, main_text, screenshot, sign_in, sign_out


def test_the_secretariat_opens_2022_and_a_clerk_sees_it(browser):
    sign_in(browser, "noivu.thuky")
    click(browser, "Mở năm mới")
    text = main_text(browser)
    assert "Mở năm 2022" in text
    assert "Lựa chọn điển hình tiên tiến cấp cơ sở năm 2022" in browser.page_source
    assert "Đơn vị chủ trì:" in text
    screenshot(browser, "admin-01-new-year")
    # The plan's dates a year on have passed already: the secretariat gives the rounds of 2022 a later due date.
    for field in browser.find_elements(By.CSS_SELECTOR, "input[type=datetime-local][name$='.due']"):
        browser.execute_script("arguments[0].value = '2099-11-12T23:59'", field)
    click(browser, "Mở năm 2022")
    assert "Đã mở năm mới" in flash(browser)
    assert "năm 2022" in main_text(browser)

    # A second opening of the same year is refused with the reason, not a server error.
    browser.get(BASE + "/quan-tri/nam-moi?nam=2022")
    click(browser, "Mở năm 2022")
    assert "Năm 2022 đã được mở" in main_text(browser)

    sign_out(browser)
    sign_in(browser, "sinchai.canbo")
    browser.get(BASE + "/dot")
    assert "Đăng ký mô hình, điển hình tiên tiến cấp huyện năm 2022" in main_text(browser)
    browser.get(BASE + "/ho-so/moi")
    options = [option.text for option in Select(browser.find_element(By.ID, "dot")).options]
    assert "Đăng ký mô hình, điển hình tiên tiến cấp huyện năm 2022" in options


def test_the_administrator_creates_an_account_and_resets_its_password(browser):
    sign_in(browser, "quantri")
    click(browser, "Người dùng")
    assert "Đỗ Thị Ngọc Ánh" in main_text(browser)
    Select(browser.find_element(By.ID, "unit")).select_by_visible_text("UBND xã Sín Chải")
    fill(browser, "Họ và tên", "Mùa A Chứ")
    fill(browser, "Tên đăng nhập (a–z, 0–9, dấu chấm, gạch)", "sinchai.canbo2")
    fill(browser, "Mật khẩu ban đầu (ít nhất 10 ký tự)", "mật khẩu ban đầu")
    click(browser, "Tạo tài khoản")
    assert "Đã tạo tài khoản" in flash(browser)
    assert "Mùa A Chứ" in main_text(browser)
    # The administrator who made the account may not give it a role (0015): the refusal is in Vietnamese.
    click(browser, "Cấp vai trò")
    assert "do chính mình tạo" in main_text(browser)
    fill(browser, "Mật khẩu mới (ít nhất 10 ký tự)", "mật khẩu mới của Chứ")
    fill(browser, "Lý do đặt lại (bắt buộc)", "Cán bộ quên mật khẩu ban đầu")
    click(browser, "Đặt lại mật khẩu")
    assert "Đã đặt lại mật khẩu" in flash(browser)
    screenshot(browser, "admin-02-user")

    sign_out(browser)
    sign_in(browser, "sinchai.canbo2", "mật khẩu ban đầu")
    assert "/dang-nhap" in browser.current_url
    sign_in(browser, "sinchai.canbo2", "mật khẩu mới của Chứ")
    assert "/dang-nhap" not in browser.current_url
    assert "Mùa A Chứ" in browser.page_source
