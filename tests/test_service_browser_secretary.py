"""The secretary's loop in headless Chromium on the real service (`notulist serve`): upload, read items and
notes, edit and save the verslag as sections and rows, export Word, mark an action done, open the
actielijst, make the next agenda — on the seeds and on the three-meeting De Linde series. Every page is
checked with axe-core (npm package, installed by .ci/run into node_modules/) for serious or critical
violations, and for what a civil servant must not see: a raw redaction mark, an internal detector label,
a citation without its meeting. Screenshots go to /tmp/notulist-screens/.
"""

from __future__ import annotations

import io
import os
import re
import urllib.request
from pathlib import Path

import pytest
from test_service_browser import CHROMEDRIVER, CHROMIUM, browser, full_height_shot, login, server, shot  # noqa: F401

REPO = Path(__file__).resolve().parent.parent
SEED_0306 = REPO / "examples" / "2024-03-06_voortgangsoverleg-inclusie-diversiteit_agenda.md"
SEED_0311 = REPO / "examples" / "2024-03-11_voortgangsoverleg-inclusie-diversiteit_agenda-met-notities.md"
LINDE = sorted((REPO / "eval" / "data" / "dev" / "docs").glob("*buurthuis-de-linde*"))
SERIES = "Voortgangsoverleg inclusie en diversiteit"
AXE = Path(os.environ.get("NOTULIST_AXE_JS", REPO / "node_modules" / "axe-core" / "axe.min.js"))
INTERNAL = re.compile(r"\b(?:caps|telegraphic|name\+verb|colon|heuristic|notes_file|clean_diff)\b|herkend in de tekst")
RAW_MARK = re.compile(r"5\.1,\s*2,\s*e")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists() or not CHROMEDRIVER.exists(),
                       reason="needs the Debian packages chromium and chromium-driver (/usr/bin/chromium)"),
]


def axe_check(driver, name: str) -> list[dict]:
    """Run axe-core on the page as it is; fail on a serious or critical violation (WCAG 2.1 A/AA rules)."""
    if not AXE.exists():
        if os.environ.get("CI_REQUIRE_AXE"):
            pytest.fail(f"axe-core is missing at {AXE} (npm install axe-core)")
        pytest.skip(f"axe-core not installed at {AXE} (npm install --no-save axe-core)")
    driver.execute_script(AXE.read_text(encoding="utf-8") + "\n;return true;")
    driver.set_script_timeout(60)
    violations = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                           resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                                    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
          .catch(e => done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]));
    """)
    bad = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not bad, f"{name}: {bad}"
    print(f"axe {name}: " + (", ".join(f"{v['id']} ({v['impact']})" for v in violations) or "geen overtredingen"))
    return violations


def page_text(driver) -> str:
    return driver.find_element("css selector", "main").text


def assert_clean(driver, where: str) -> None:
    text = page_text(driver)
    assert not RAW_MARK.search(text), f"{where}: raw redaction mark shown"
    assert not INTERNAL.search(text), f"{where}: internal label shown: {INTERNAL.search(text).group(0)}"


def upload(driver, wait, path: Path, title_part: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC

    driver.find_element(By.CSS_SELECTOR, "[data-nav=vergaderingen]").click()
    field = wait.until(EC.visibility_of_element_located((By.ID, "up-agenda")))
    field.send_keys(str(path))
    driver.find_element(By.ID, "upload-button").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "flash"), "ingelezen"))
    wait.until(lambda d: title_part.casefold() in d.find_element(By.ID, "meeting-title").text.casefold())
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#verslag-sections textarea"))


def cell_texts(driver, selector: str) -> list[str]:
    """Texts read in one script call (the table may be re-rendered between two WebDriver calls)."""
    return driver.execute_script("return [...document.querySelectorAll(arguments[0])].map(e => e.innerText.trim())",
                                 selector)


def click(driver, wait, selector: str) -> None:
    """Click the element once the page stops re-rendering it (a list is drawn again after each load)."""
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By

    def attempt(d):
        try:
            found = d.find_elements(By.CSS_SELECTOR, selector)
            if found and found[0].is_displayed():
                found[0].click()
                return True
        except StaleElementReferenceException:
            return False
        return False

    wait.until(attempt)


def get_bytes(base: str, path: str, key: str) -> bytes:
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + key})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read()


def test_secretary_loop_on_the_seeds(server, browser):  # noqa: F811
    from docx import Document
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    base, keys = server
    wait = WebDriverWait(browser, 120)
    login(browser, base, keys["secretary"])
    upload(browser, wait, SEED_0306, "Voortgangsoverleg")
    upload(browser, wait, SEED_0311, "Voortgangsoverleg")
    assert "11 maart 2024" in browser.find_element(By.ID, "meeting-meta").text

    # items and notes: tokens, no raw marks, no detector names, agenda Markdown rendered (no asterisks)
    notes = browser.find_elements(By.CSS_SELECTOR, "#items .notes li")
    assert notes and all(n.get_attribute("title") == "gevonden als aantekening" for n in notes)
    assert any("[gelakt 5.1.2e]" in n.text for n in notes)
    bodies = " ".join(b.text for b in browser.find_elements(By.CSS_SELECTOR, "#items .body"))
    assert "*" not in bodies and "Bijlage 2: safe(r)@ spaces verkenning" in bodies
    headings = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#items h3")]
    assert any("Stuurgroep inclusie en staf" in t and "*" not in t for t in headings)
    assert_clean(browser, "vergadering")

    # the editor: sections as text, besluiten and acties as rows with "toon bron"
    item4 = browser.find_element(By.CSS_SELECTOR, "#verslag-sections textarea[data-section='3']")
    assert "Peter gaat akkoord met de beschreven aanpak." in item4.get_attribute("value")
    first = browser.find_element(By.CSS_SELECTOR, "#verslag-decisions tbody tr")
    toggle = first.find_element(By.XPATH, ".//button[normalize-space()='toon bron']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", toggle)
    toggle.click()
    source = first.find_element(By.CSS_SELECTOR, ".source-box")
    assert source.is_displayed() and f"{SERIES}, 11 maart 2024, punt 4" in source.text and "Peter is akkoord" in source.text
    full_height_shot(browser, "s01-vergadering-editor")
    axe_check(browser, "vergadering met editor")

    # edit: the account of item 4, an owner, a new action, a removed decision; save as version 1
    item4.send_keys(Keys.CONTROL, Keys.END)
    item4.send_keys("\nPeter stuurt het stuk zelf naar het GMT.")
    owner = browser.find_element(By.CSS_SELECTOR, "#verslag-actions tbody tr:nth-child(1) [data-field=owner]")
    owner.clear()
    owner.send_keys("Peter en de secretaris")
    browser.find_element(By.ID, "add-action").click()
    new = browser.find_elements(By.CSS_SELECTOR, "#verslag-actions tbody tr")[-1]
    new.find_element(By.CSS_SELECTOR, "[data-field=text]").send_keys("Secretaris plant de stuurgroep in.")
    new.find_element(By.CSS_SELECTOR, "[data-field=owner]").send_keys("Secretaris")
    browser.execute_script("arguments[0].value = '2024-03-20'; arguments[0].dispatchEvent(new Event('change'))",
                           new.find_element(By.CSS_SELECTOR, "[data-field=deadline]"))
    decisions_before = len(browser.find_elements(By.CSS_SELECTOR, "#verslag-decisions tbody tr"))
    browser.find_elements(By.CSS_SELECTOR, "#verslag-decisions tbody tr")[-1].find_element(
        By.XPATH, ".//button[normalize-space()='verwijder']").click()
    assert "Gewijzigd" in browser.find_element(By.ID, "verslag-state").text
    browser.find_element(By.ID, "verslag-save").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "verslag-state"), "Versie 1"))
    assert "door Secretaris" in browser.find_element(By.ID, "verslag-state").text
    assert "opgeslagen als versie 1" in browser.find_element(By.ID, "flash").text
    assert len(browser.find_elements(By.CSS_SELECTOR, "#verslag-decisions tbody tr")) == decisions_before - 1
    browser.execute_script("document.getElementById('verslag-state').scrollIntoView({block: 'start'})")
    shot(browser, "s02-verslag-opgeslagen")

    # Word: feedback on the page, and the file is the saved version
    browser.find_element(By.ID, "verslag-docx").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "flash"), "gedownload"))
    assert "versie 1" in browser.find_element(By.ID, "flash").text
    meeting_id = browser.execute_script("return state.meeting.id")
    word = Document(io.BytesIO(get_bytes(base, f"/api/meetings/{meeting_id}/verslag.docx", keys["secretary"])))
    text = "\n".join(p.text for p in word.paragraphs)
    cells = [c.text for t in word.tables for r in t.rows for c in r.cells]
    assert "Peter stuurt het stuk zelf naar het GMT." in text
    assert "Secretaris plant de stuurgroep in." in cells and "Peter en de secretaris" in cells
    assert not RAW_MARK.search(text + " ".join(cells))

    # the actielijst: mark an action done, see it under afgerond
    browser.find_element(By.CSS_SELECTOR, "[data-nav=acties]").click()
    wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#actions-table tbody tr")))
    links = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#actions-table tbody td:nth-child(7) a")]
    assert links and all(re.match(rf"{SERIES}, \d+ maart 2024, punt \w+", t) for t in links), links
    row = browser.find_element(By.CSS_SELECTOR, "#actions-table tbody tr")
    subject = row.find_element(By.CSS_SELECTOR, "td:nth-child(2)").text
    row.find_element(By.XPATH, ".//button[normalize-space()='Markeer als afgerond']").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "flash"), "afgerond"))
    assert_clean(browser, "actielijst")
    full_height_shot(browser, "s03-actielijst")
    axe_check(browser, "actielijst")
    browser.find_element(By.CSS_SELECTOR, "#act-status option[value=afgerond]").click()
    browser.find_element(By.CSS_SELECTOR, "#actions-filter button[type=submit]").click()
    wait.until(lambda d: subject in cell_texts(d, "#actions-table tbody td:nth-child(2)"))
    browser.find_element(By.ID, "export-xlsx").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "flash"), "actielijst.xlsx"))

    # a question: citations name meeting and date, quotes show the token
    browser.find_element(By.CSS_SELECTOR, "[data-nav=vragen]").click()
    question = wait.until(EC.visibility_of_element_located((By.ID, "ask-question")))
    question.send_keys("Wat hebben we afgesproken over safe space gesprekken?")
    question.send_keys(Keys.ENTER)
    wait.until(EC.visibility_of_element_located((By.CSS_SELECTOR, "#chat .citation a")))
    cites = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "#chat .citation a")]
    assert cites and all(t.startswith(SERIES + ", ") and "2024" in t for t in cites), cites
    assert_clean(browser, "vragen")
    shot(browser, "s04-vraag-bronnen")
    axe_check(browser, "vragen")

    # the series page: the next agenda with the postponed items and their origin
    browser.find_element(By.CSS_SELECTOR, "[data-nav=vergaderingen]").click()
    click(browser, wait, "#series-links a")
    wait.until(EC.text_to_be_present_in_element((By.ID, "series-title"), SERIES))
    browser.find_element(By.ID, "agenda-make").click()
    wait.until(EC.visibility_of_element_located((By.ID, "agenda-result")))
    agenda = browser.find_element(By.ID, "agenda-items").text
    assert "Proces herijking bestuursopdracht" in agenda and "doorgeschoven uit" in agenda and "Actielijst (" in agenda
    assert "We worden af en toe betrokken bij casussen" in agenda
    browser.find_element(By.ID, "agenda-docx").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "flash"), "Concept-agenda gedownload"))
    assert_clean(browser, "reeks")
    full_height_shot(browser, "s05-reeks-agenda")
    axe_check(browser, "reeks")
    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not severe, severe


def test_three_meeting_series_actielijst_and_agenda(server, browser):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    base, keys = server
    wait = WebDriverWait(browser, 120)
    login(browser, base, keys["secretary"])
    for path in LINDE:
        upload(browser, wait, path, "De Linde")
    browser.get(base + "/#/acties?reeks=" + urllib.request.quote("Bewonersoverleg Buurthuis De Linde"))
    browser.find_element(By.CSS_SELECTOR, "#act-status option[value='']").click()
    browser.find_element(By.CSS_SELECTOR, "#actions-filter button[type=submit]").click()
    wait.until(lambda d: any("Hartstichting" in r for r in cell_texts(d, "#actions-table tbody tr")))
    assert browser.find_element(By.ID, "act-series").get_attribute("value") == "Bewonersoverleg Buurthuis De Linde"
    rows = cell_texts(browser, "#actions-table tbody tr")
    els = next(r for r in rows if "Hartstichting" in r)
    assert "afgerond" in els and "2 oktober 2025" in els  # reconciled with the later meeting as evidence
    assert all("Bewonersoverleg Buurthuis De Linde, " in r for r in rows)
    assert_clean(browser, "actielijst De Linde")
    full_height_shot(browser, "s06-actielijst-de-linde")
    axe_check(browser, "actielijst De Linde")
    browser.get(base + "/#/reeks/" + urllib.request.quote("Bewonersoverleg Buurthuis De Linde"))
    wait.until(EC.element_to_be_clickable((By.ID, "agenda-make"))).click()
    wait.until(EC.visibility_of_element_located((By.ID, "agenda-result")))
    assert "6 november 2025" in browser.find_element(By.ID, "agenda-date").text
    shot(browser, "s07-agenda-de-linde")
