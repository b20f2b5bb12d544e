"""End to end in headless Chromium (Debian `chromium` + `chromium-driver`, driven by Selenium): the real
service started with `notulist serve` on a free port, the secretary uploads the 11 March agenda, sees and
edits the draft verslag, and a colleague's question is answered with a citation that opens the item.

Screenshots go to /tmp/notulist-screens/ for a human to look at.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import free_port, server_process, wait_for_http

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SEED_0311 = (Path(__file__).resolve().parent.parent / "examples"
             / "2024-03-11_voortgangsoverleg-inclusie-diversiteit_agenda-met-notities.md")
SCREENS = Path("/tmp/notulist-screens")
QUESTION = "Wat hebben we afgesproken over safe space gesprekken?"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists() or not CHROMEDRIVER.exists(),
                       reason="needs the Debian packages chromium and chromium-driver (/usr/bin/chromium)"),
]


def notulist_cmd() -> list[str]:
    exe = Path(sys.executable).parent / "notulist"
    return [str(exe)] if exe.exists() else [shutil.which("notulist") or "notulist"]


@pytest.fixture
def server(tmp_path):
    """`notulist serve` in a subprocess with its own data dir; yields (base url, keys by role)."""
    env = {**os.environ, "NOTULIST_DATA_DIR": str(tmp_path / "data")}
    keys = {}
    for role, extra in (("secretary", ["--name", "Secretaris"]), ("reader", [])):
        out = subprocess.run([*notulist_cmd(), "keys", "create", "--role", role, *extra], env=env,
                             capture_output=True, text=True, check=True)
        keys[role] = out.stdout.strip().splitlines()[-1]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    cmd = [*notulist_cmd(), "serve", "--port", str(port), "--log-level", "warning"]
    with server_process(cmd, tmp_path / "server.log", env=env) as proc:
        if not wait_for_http(base + "/health", 60, proc=proc, interval=0.2, request_timeout=1):
            raise RuntimeError("server did not start: " + (tmp_path / "server.log").read_text())
        yield base, keys


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic", "--window-size=1280,1000",
                 "--lang=nl-NL", f"--user-data-dir={tmp_path / 'chrome-profile'}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def shot(driver, name: str) -> Path:
    SCREENS.mkdir(parents=True, exist_ok=True)
    path = SCREENS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def full_height_shot(driver, name: str) -> Path:
    """A screenshot of the whole page (headless Chromium resizes to the document height)."""
    height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 6000)")
    size = driver.get_window_size()
    driver.set_window_size(size["width"], max(height, 800))
    try:
        return shot(driver, name)
    finally:
        driver.set_window_size(size["width"], size["height"])


def login(driver, base: str, key: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(base + "/")
    wait = WebDriverWait(driver, 20)
    field = wait.until(EC.visibility_of_element_located((By.ID, "login-key")))
    field.send_keys(key)
    driver.find_element(By.CSS_SELECTOR, "#login-form button[type=submit]").click()
    wait.until(EC.visibility_of_element_located((By.ID, "meetings-title")))


def test_secretary_uploads_edits_verslag_and_asks(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    base, keys = server
    wait = WebDriverWait(browser, 90)  # the first upload embeds every chunk on a shared 2-core machine
    login(browser, base, keys["secretary"])
    assert "secretaris" in browser.find_element(By.ID, "whoami-text").text
    shot(browser, "01-vergaderingen-leeg")

    # upload the 11 March agenda
    browser.find_element(By.ID, "up-agenda").send_keys(str(SEED_0311))
    browser.find_element(By.ID, "upload-button").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "meeting-title"), "Voortgangsoverleg"))
    items = browser.find_elements(By.CSS_SELECTOR, "#items > li.item h3")
    assert any("Safe space gesprekken" in h.text for h in items)
    assert "11 maart 2024" in browser.find_element(By.ID, "meeting-meta").text

    # the draft verslag is there, unsaved: one text field per agenda item
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#verslag-sections textarea"))
    labels = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#verslag-sections label")]
    assert "2. Safe space gesprekken" in labels
    text = browser.find_element(By.CSS_SELECTOR, "#verslag-sections textarea[data-section='0']")
    assert "Nog niet opgeslagen" in browser.find_element(By.ID, "verslag-state").text
    full_height_shot(browser, "02-vergadering-met-concept")

    # edit and save: version 1
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", text)
    text.send_keys(Keys.CONTROL, Keys.END)
    text.send_keys("\n\nAanvulling van de secretaris: Peter regelt de stuurgroep.")
    assert "Gewijzigd" in browser.find_element(By.ID, "verslag-state").text
    browser.find_element(By.ID, "verslag-save").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "verslag-state"), "Versie 1"))
    browser.execute_script("document.getElementById('verslag-state').scrollIntoView({block: 'start'})")
    shot(browser, "03-verslag-opgeslagen")

    # a reload keeps the key (sessionStorage) and shows the saved version
    browser.refresh()
    wait.until(EC.text_to_be_present_in_element((By.ID, "verslag-state"), "Versie 1"))
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#verslag-sections textarea[data-section='0']"))
    assert browser.find_element(By.CSS_SELECTOR, "#verslag-sections textarea[data-section='0']").get_attribute(
        "value").endswith("Aanvulling van de secretaris: Peter regelt de stuurgroep.")
    assert not browser.find_element(By.ID, "view-login").is_displayed()

    # ask the safe space question in the chat
    browser.find_element(By.CSS_SELECTOR, "[data-nav=vragen]").click()
    question = wait.until(EC.visibility_of_element_located((By.ID, "ask-question")))
    question.send_keys(QUESTION)
    question.send_keys(Keys.ENTER)
    citation = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#chat .citation a")))
    answer = browser.find_element(By.CSS_SELECTOR, "#chat .answer").text
    assert answer.strip() and not answer.startswith("Geen antwoord")
    links = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#chat .citation a")]
    assert any("punt 2" in t and "Safe space" in t for t in links), links
    shot(browser, "04-vraag-met-bronnen")

    # the citation opens the meeting item with the quote marked
    target = next(a for a in browser.find_elements(By.CSS_SELECTOR, "#chat .citation a")
                  if "punt 2" in a.text)
    quote = target.find_element(By.XPATH, "following-sibling::blockquote").text
    target.click()
    mark = wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#items mark")))
    item = mark.find_element(By.XPATH, "ancestor::li[contains(@class, 'item')]")
    assert item.get_attribute("data-number") == "2"
    assert mark.text.strip() and mark.text.strip()[:30] in quote.replace("\n", " ") or \
        quote.strip()[:30] in mark.text
    assert browser.find_element(By.ID, "citation-callout").is_displayed()
    shot(browser, "05-citaat-in-agendapunt")

    # the actielijst lists the actions of the meeting
    browser.find_element(By.CSS_SELECTOR, "[data-nav=acties]").click()
    wait.until(EC.visibility_of_element_located((By.ID, "actions-title")))
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#actions-table tbody tr")
               or d.find_element(By.ID, "actions-empty").is_displayed())
    full_height_shot(browser, "06-acties")

    # a phone-sized window: no sideways scrolling
    browser.set_window_size(390, 844)
    browser.find_element(By.CSS_SELECTOR, "[data-nav=vergaderingen]").click()
    wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#meetings-table a")))
    assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")
    shot(browser, "09-telefoon")

    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not severe, severe


def test_reader_sees_no_upload_and_a_bad_key_is_refused(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    base, keys = server
    browser.get(base + "/")
    wait = WebDriverWait(browser, 20)
    field = wait.until(EC.visibility_of_element_located((By.ID, "login-key")))
    field.send_keys("ntl_verkeerd_000")
    browser.find_element(By.CSS_SELECTOR, "#login-form button[type=submit]").click()
    alert = wait.until(EC.visibility_of_element_located((By.ID, "alert")))
    assert "sleutel" in alert.text
    shot(browser, "07-verkeerde-sleutel")

    login(browser, base, keys["reader"])
    assert "lezer" in browser.find_element(By.ID, "whoami-text").text
    assert not browser.find_element(By.ID, "upload-form").is_displayed()
    assert browser.find_element(By.ID, "meetings-empty").is_displayed()


def test_api_docs_render_offline(server, browser):
    """Swagger UI comes from the package (fastapi-offline), so /docs renders with no network."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    base, _ = server
    browser.get(base + "/docs")
    title = WebDriverWait(browser, 20).until(EC.visibility_of_element_located((By.CSS_SELECTOR, ".swagger-ui .info .title")))
    assert "Notulist" in title.text
    assert browser.find_elements(By.CSS_SELECTOR, ".opblock-summary-path[data-path='/api/ask']")
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert all(r.startswith(base) for r in resources), resources
    shot(browser, "08-api-docs")
