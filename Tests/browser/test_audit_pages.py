"""The auditors' pages as the inspector uses them (issue 16 item 3): thanhtra searches the trail by username
and by a name typed without diacritics, opens a nomination's whole timeline (with its documents and the
council's votes), reads the record as it was at an earlier moment, and verifies the whole chain from the
page, its progress reloading itself without a script, to «nguyên vẹn»."""
import re
import time
from datetime import datetime, timedelta, timezone

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By

from conftest import BASE, click, error, fill, main_text, make_driver, screenshot, sign_in
from test_pages import check_page

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
VIETNAM = timezone(timedelta(hours=7))


def test_an_inspector_searches_reads_a_timeline_and_verifies_the_chain():
    driver = make_driver()
    try:
        sign_in(driver, "thanhtra")
        click(driver, "Kiểm tra")
        assert "/kiem-tra" in driver.current_url
        assert "Sự kiện mới nhất" in main_text(driver)

        # By username: what the commune's clerk did, in words, with her name and unit, in Vietnam time.
        fill(driver, "Người thực hiện (họ tên hoặc tên đăng nhập)", "sinchai.canbo")
        click(driver, "Tìm")
        text = main_text(driver)
        assert "Người dùng: Thào Thị Mỷ (sinchai.canbo)" in text, text[:2000]
        assert "Lập hồ sơ đề nghị" in text and "UBND xã Sín Chải" in text and " giờ " in text
        assert not UUID.search(text), "a key is shown among the results"
        screenshot(driver, "kiem-tra-tim-theo-nguoi")
        search_problems = []
        check_page(driver, "/kiem-tra?nguoi=…", search_problems)
        assert not search_problems, "\n".join(search_problems)

        # By her name without diacritics: the same person.
        fill(driver, "Người thực hiện (họ tên hoặc tên đăng nhập)", "thao thi my")
        click(driver, "Tìm")
        assert "Người dùng: Thào Thị Mỷ (sinchai.canbo)" in main_text(driver)

        # A nomination whose timeline holds a document and a council vote: one the council voted on.
        driver.get(BASE + "/ho-so?trang-thai=decided")
        nominee = driver.find_element(By.CSS_SELECTOR, "table.stack tbody a").text
        driver.get(BASE + "/kiem-tra")
        fill(driver, "Hồ sơ (tên người, tập thể được đề nghị)", nominee)
        click(driver, "Tìm")
        links = [a for a in driver.find_elements(By.CSS_SELECTOR, "#khop ~ ul a, section a")
                 if a.text.startswith(f"Hồ sơ: {nominee}")]
        assert links, f"no timeline link for {nominee}: {main_text(driver)[:1500]}"
        click(driver, links[0].text)
        assert "/kiem-tra/ho-so/" in driver.current_url
        timeline = main_text(driver)
        for words in ["Toàn bộ diễn biến", "Lập hồ sơ đề nghị", "Tài liệu hồ sơ", "Phiếu biểu quyết", "Có quyết định khen thưởng"]:
            assert words in timeline, f"«{words}» is not on the timeline of {nominee}"
        assert not UUID.search(timeline)
        screenshot(driver, "kiem-tra-dien-bien")

        # Before its first event it did not exist; right after that event it was a draft, its content field by field.
        first = driver.find_element(By.CSS_SELECTOR, "ol.audit-events li .when").text
        match = re.match(r"(\d+) giờ (\d+), ngày (\d+)/(\d+)/(\d+)", first)
        assert match, first
        hour, minute, day, month, year = map(int, match.groups())
        earlier = datetime(year, month, day, hour, minute, tzinfo=VIETNAM) - timedelta(minutes=1)
        field = driver.find_element(By.ID, "luc")
        driver.execute_script("arguments[0].value = arguments[1]", field, earlier.strftime("%Y-%m-%dT%H:%M:%S"))
        click(driver, "Xem nội dung lúc đó")
        assert "hồ sơ này chưa được lập" in main_text(driver)
        click(driver, "Nội dung hồ sơ sau bước này")
        snapshot = driver.find_element(By.ID, "noi-dung-luc-do").find_element(By.XPATH, "..").text
        assert "Tóm tắt thành tích" in snapshot and "Trạng thái\nDự thảo" in snapshot, snapshot
        assert "Đã có quyết định khen thưởng" not in snapshot, "the record as it was then is shown as it is now"
        assert "{" not in snapshot, "JSON on the page"
        screenshot(driver, "kiem-tra-tai-thoi-diem")
        problems = []
        check_page(driver, "/kiem-tra/ho-so/:id", problems)

        # The whole chain, checked from the page: it reloads itself until done.
        driver.get(BASE + "/kiem-tra/chuoi")
        click(driver, "Kiểm tra toàn bộ nhật ký")
        deadline = time.time() + 120
        result = ""
        while time.time() < deadline:
            try:
                result = main_text(driver)
            except WebDriverException:
                result = "Đang kiểm tra"  # the page was reloading itself
            if "Đang kiểm tra" not in result:
                break
            time.sleep(1)
        assert not error(driver), error(driver)
        assert "Nhật ký nguyên vẹn" in result, result[:1500]
        assert "Số sự kiện đã kiểm tra" in result
        screenshot(driver, "kiem-tra-chuoi")
        check_page(driver, "/kiem-tra/chuoi", problems)
        assert not problems, "\n".join(problems)
    finally:
        driver.quit()
