"""The whole story through the pages, as the people whose job each step is: a commune's clerk nominates a
household with its criteria and dossier, the commune head submits, the lead unit returns it with a reason, the
clerk fixes it (the change is shown), the head resubmits, the lead unit endorses, the secretariat verifies and
opens a session, five council members vote (one on a phone), the session closes, the secretariat drafts the
decision, the chairman reads and signs it, its Word file holds the number, the date, the name and the signer,
and an auditor sees the whole timeline."""
import io
import re
import tempfile

import docx
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE, PHONE, click, error, fill, flash, http, main_text, make_driver, screenshot, sign_in, submit_and_wait

ROUND = "Đăng ký mô hình, điển hình tiên tiến cấp huyện năm 2021"
MOVEMENT = "Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau"
NOMINEE = "Hộ ông Giàng A Sùng"
UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


def pdf_file(name):
    path = f"{tempfile.mkdtemp()}/{name}.pdf"
    with open(path, "wb") as file:
        file.write(b"%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n")
    return path


def step(driver, label, reason=None):
    if reason is not None:
        fill(driver, "Lý do trả lại (bắt buộc)", reason)
    click(driver, label)
    assert not error(driver), error(driver)


def test_the_whole_story():
    browser = make_driver()
    try:
        # The clerk of UBND xã Sín Chải nominates a household.
        sign_in(browser, "sinchai.canbo")
        browser.get(BASE + "/ho-so")
        click(browser, "Lập hồ sơ đề nghị mới")
        Select(browser.find_element(By.ID, "dot")).select_by_visible_text(ROUND)
        Select(browser.find_element(By.ID, "phong-trao")).select_by_visible_text(MOVEMENT)
        browser.find_element(By.CSS_SELECTOR, "label[for=loai-household]").click()
        click(browser, "Tiếp tục")
        fill(browser, "Tên (Hộ gia đình)", NOMINEE)
        fill(browser, "Tên mô hình, điển hình hoặc hình thức đề nghị", "Hộ gia đình vượt khó thoát nghèo")
        fill(browser, "Tóm tắt thành tích", "Năm 2021 thoát nghèo bền vững nhờ trồng chè Shan tuyết.")
        checks = browser.find_elements(By.CSS_SELECTOR, "input[type=checkbox][name^=tc-]")
        assert checks, "the movement's criteria are a checklist"
        for box in checks:
            box.click()
            browser.find_element(By.ID, "mc-" + box.get_attribute("name")[3:]).send_keys("Xác nhận của thôn")
        screenshot(browser, "story-01-form")
        click(browser, "Lưu hồ sơ (dự thảo)")
        assert "Đã lưu hồ sơ" in flash(browser)
        record = re.search(rf"/ho-so/({UUID})", browser.current_url).group(1)
        assert "Còn thiếu tài liệu bắt buộc" in main_text(browser)
        for kind, name in [("request", "to-trinh"), ("achievement_report", "bao-cao-thanh-tich"), ("review_minutes", "bien-ban-binh-xet")]:
            Select(browser.find_element(By.ID, "kind")).select_by_value(kind)
            browser.find_element(By.ID, "file").send_keys(pdf_file(name))
            click(browser, "Tải lên")
            assert "Đã tải tài liệu lên." in flash(browser)
        assert "Còn thiếu tài liệu bắt buộc" not in main_text(browser)
        screenshot(browser, "story-02-dossier")

        # The round's deadline has passed: the secretariat grants Sín Chải an exception from the round's page.
        sign_in(browser, "noivu.thuky")
        browser.get(BASE + "/dot")
        click(browser, ROUND)
        Select(browser.find_element(By.ID, "unit")).select_by_visible_text("UBND xã Sín Chải")
        browser.execute_script("document.getElementById('until').value = '2099-12-31T17:00'")
        fill(browser, "Lý do gia hạn (bắt buộc)", "Đường vào xã bị sạt lở")
        click(browser, "Cho gia hạn")
        assert "Đã cho đơn vị gia hạn" in flash(browser)

        # The commune head submits; the lead unit returns it with a reason.
        sign_in(browser, "sinchai.chutich")
        browser.get(f"{BASE}/ho-so/{record}")
        step(browser, "Gửi hồ sơ")
        assert "Đã gửi hồ sơ." in flash(browser)
        sign_in(browser, "laodong.thutruong")
        browser.get(f"{BASE}/ho-so/{record}")
        step(browser, "Trả lại đơn vị để bổ sung", reason="Bổ sung thu nhập bình quân đầu người")

        # The clerk sees the reason at the top, fixes it; the change shows as a diff; the head resubmits.
        sign_in(browser, "sinchai.canbo")
        browser.get(BASE + "/")
        assert "Bổ sung thu nhập bình quân đầu người" in main_text(browser)
        browser.get(f"{BASE}/ho-so/{record}")
        assert "Lý do trả lại: Bổ sung thu nhập bình quân đầu người" in main_text(browser)
        click(browser, "Sửa nội dung hồ sơ")
        fill(browser, "Tóm tắt thành tích", "Năm 2021 thoát nghèo bền vững; thu nhập bình quân 32 triệu đồng/người/năm.")
        click(browser, "Lưu thay đổi")
        diff = browser.find_element(By.CSS_SELECTOR, "section.diff").text
        assert "Tóm tắt thành tích" in diff and "32 triệu đồng" in diff
        screenshot(browser, "story-03-diff")
        sign_in(browser, "sinchai.chutich")
        browser.get(f"{BASE}/ho-so/{record}")
        step(browser, "Gửi hồ sơ")

        # The lead unit endorses; the secretariat verifies and opens a session over it alone.
        sign_in(browser, "laodong.thutruong")
        browser.get(f"{BASE}/ho-so/{record}")
        step(browser, "Xác nhận, chuyển Cơ quan Thường trực")
        sign_in(browser, "noivu.thuky")
        browser.get(f"{BASE}/ho-so/{record}")
        step(browser, "Thẩm định đạt")
        browser.get(BASE + "/hoi-dong")
        click(browser, "Mở phiên họp mới")
        Select(browser.find_element(By.ID, "chon-dot")).select_by_visible_text(ROUND)
        click(browser, "Xem hồ sơ đã thẩm định của đợt")
        for box in browser.find_elements(By.CSS_SELECTOR, "input[name=ho-so]"):
            if (box.get_attribute("value") == record) != box.is_selected():
                box.click()
        fill(browser, "Tên phiên họp", "Phiên họp bổ sung năm 2021")
        click(browser, "Mở phiên họp")
        assert "Đã mở phiên họp" in flash(browser)
        session = browser.current_url.split("?")[0]
    finally:
        browser.quit()

    # Five of the seven vote: one member on a phone.
    for member in ["hoidong.tv1", "hoidong.tv2", "hoidong.tv3", "phochutich.huyen", "chutich.huyen"]:
        voter = make_driver(PHONE if member == "hoidong.tv1" else (1366, 768))
        try:
            sign_in(voter, member)
            voter.get(BASE + "/")
            assert "Phiên họp bổ sung năm 2021" in main_text(voter)
            voter.get(session)
            card = voter.find_element(By.ID, f"ho-so-{record}")
            card.find_element(By.CSS_SELECTOR, f"label[for=phieu-{record}-approve]").click()
            submit_and_wait(voter, card.find_element(By.XPATH, ".//button[normalize-space()='Bỏ phiếu']"))
            assert "Đã ghi phiếu của đồng chí." in flash(voter), error(voter)
            if member == "hoidong.tv1":
                screenshot(voter, "story-04-ballot-phone")
                assert voter.execute_script("return document.documentElement.scrollWidth - window.innerWidth") <= 0
        finally:
            voter.quit()

    browser = make_driver()
    try:
        # The secretariat closes the session: the council's count, in Vietnamese.
        sign_in(browser, "noivu.thuky")
        browser.get(session)
        click(browser, "Kết thúc phiên họp và kiểm phiếu")
        card = browser.find_element(By.ID, f"ho-so-{record}").text
        assert "tán thành: 5" in card and "Thông qua: đề nghị khen thưởng." in card
        screenshot(browser, "story-05-tally")

        # The secretariat drafts the decision from the approved nomination.
        browser.get(BASE + "/quyet-dinh")
        click(browser, "Dự thảo quyết định mới")
        for box in browser.find_elements(By.CSS_SELECTOR, "input[name=ho-so]"):
            if (box.get_attribute("value") == record) != box.is_selected():
                box.click()
        browser.execute_script("document.getElementById('ngay').value = '2021-12-28'")
        fill(browser, "Trích yếu", "Về việc khen thưởng hộ gia đình có thành tích xuất sắc trong phong trào vì người nghèo năm 2021")
        click(browser, "Lưu dự thảo, trình Chủ tịch ký")
        assert "Đã lưu dự thảo quyết định" in flash(browser), error(browser)
        decision = browser.current_url.split("?")[0]

        # The chairman reads the full text and signs it from the page.
        sign_in(browser, "chutich.huyen")
        browser.get(BASE + "/")
        assert "Về việc khen thưởng hộ gia đình" in main_text(browser)
        browser.get(decision)
        text = browser.find_element(By.CSS_SELECTOR, "article.document").text
        assert NOMINEE in text and "QUYẾT ĐỊNH:" in text
        # Left empty, the bases are those in force on the decision's date (2021) and the round's plan.
        assert "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003" in text and "Nghị định số 91/2017/NĐ-CP" in text
        assert "Căn cứ Kế hoạch số 123/KH-UBND ngày 02 tháng 7 năm 2021" in text and "98/2023" not in text
        screenshot(browser, "story-06-read-before-signing")
        click(browser, "Ký ban hành quyết định")
        assert "Đã ký ban hành quyết định." in flash(browser)
        number = re.search(r"Số: (\d+/QĐ-UBND)", main_text(browser)).group(1)
        signer = re.search(r"người ký: ([^\n(]+)", main_text(browser)).group(1).strip()
        screenshot(browser, "story-07-signed")

        # The Word file holds the number, the date, the commended name and the signer.
        link = browser.find_element(By.XPATH, "//a[normalize-space()='Tải bản Word (DOCX)']").get_attribute("href")
        reply = http(browser).get(link)
        assert reply.status_code == 200 and "attachment" in reply.headers["Content-Disposition"]
        document = docx.Document(io.BytesIO(reply.content))
        words = "\n".join([p.text for p in document.paragraphs]
                          + [cell.text for table in document.tables for row in table.rows for cell in row.cells])
        for expected in [f"Số: {number}", "ngày 28 tháng 12 năm 2021", NOMINEE, signer]:
            assert expected in words, expected

        # An auditor sees the nomination's whole timeline, names instead of ids.
        sign_in(browser, "thanhtra")
        browser.get(f"{BASE}/ho-so/{record}")
        timeline = browser.find_element(By.CSS_SELECTOR, "ol.timeline").text
        assert timeline.count("\n") >= 10 and "Bổ sung thu nhập bình quân đầu người" in timeline
        assert "Đỗ Thị Ngọc Ánh" in timeline or "Phòng Nội vụ" in timeline
        screenshot(browser, "story-08-auditor-timeline")
    finally:
        browser.quit()


def test_hostile_text_shows_as_text_and_forms_need_their_token():
    browser = make_driver()
    try:
        sign_in(browser, "sinchai.canbo")
        browser.get(BASE + "/ho-so/moi")
        Select(browser.find_element(By.ID, "dot")).select_by_visible_text(ROUND)
        Select(browser.find_element(By.ID, "phong-trao")).select_by_visible_text(MOVEMENT)
        browser.find_element(By.CSS_SELECTOR, "label[for=loai-individual]").click()
        click(browser, "Tiếp tục")
        fill(browser, "Tên (Cá nhân)", "<script>alert(1)</script>")
        click(browser, "Lưu hồ sơ (dự thảo)")
        try:
            browser.switch_to.alert
            raise AssertionError("a script typed as a name ran")
        except NoAlertPresentException:
            pass
        assert "<script>alert(1)</script>" in browser.find_element(By.TAG_NAME, "h1").text
        record = browser.current_url.split("?")[0]

        # A form posted without its token is refused and changes nothing.
        sign_in(browser, "sinchai.chutich")
        browser.get(record)
        browser.execute_script("document.querySelectorAll('input[name=_csrf]').forEach(e => e.remove())")
        click(browser, "Gửi hồ sơ")
        assert "/buoc" in browser.current_url and error(browser), "the forged form was refused with a message"
        assert re.search(r'class="state state-draft"', http(browser).get(record).text), "the nomination is still a draft"
    finally:
        browser.quit()


def test_no_page_offers_a_step_the_policy_refuses():
    """On one submitted nomination, every demo role: each step its page does not offer is refused when posted
    anyway, and the nomination stays where it was."""
    roles = ["sinchai.canbo", "sinchai.chutich", "huoiso.chutich", "laodong.thutruong", "noivu.thuky", "hoidong.tv1",
             "chutich.huyen", "thanhtra", "quantri"]
    events = ["submit", "withdraw", "endorse", "return_by_lead_unit", "verify", "return_by_secretariat"]
    browser = make_driver()
    try:
        sign_in(browser, "noivu.thuky")
        browser.get(BASE + "/ho-so?trang-thai=submitted")
        record = browser.find_element(By.CSS_SELECTOR, "table.stack tbody a").get_attribute("href")
        for role in roles:
            sign_in(browser, role)
            browser.get(record)
            offered = {button.get_attribute("value") for button in browser.find_elements(By.CSS_SELECTOR, "button[name=buoc]")}
            client = http(browser)
            reply = client.get(record)
            if reply.status_code == 404:
                continue
            page = reply.text
            token = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
            version = re.search(r'name="version" value="(\d+)"', page)
            for event in events:
                if event in offered:
                    continue
                reply = client.post(record + "/buoc", data={"_csrf": token, "event": event, "reason": "Thử",
                                                            "version": version.group(1) if version else "1"}, allow_redirects=False)
                assert reply.status_code >= 400, f"{role}: {event} was not offered but was accepted"
            assert 'class="state state-submitted"' in client.get(record).text
    finally:
        browser.quit()
