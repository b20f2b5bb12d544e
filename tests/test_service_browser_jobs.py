"""Uploading in headless Chromium as a background job: the page submits to /api/jobs and follows the job's
server-sent events in a progress bar (its stages as the ingest reports them), then refreshes the list and
opens the meeting; with no worker running the job waits in the queue, the page says so, passes axe-core,
and "Annuleren" cancels it. Screenshots go to /tmp/notulist-screens/."""

from __future__ import annotations

import os
import subprocess

import httpx
import pytest
from helpers import free_port, server_process, wait_for_http
from test_service_browser import CHROMEDRIVER, CHROMIUM, browser, login, notulist_cmd, server, shot  # noqa: F401
from test_service_browser_secretary import SEED_0311, axe_check

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists() or not CHROMEDRIVER.exists(),
                       reason="needs the Debian packages chromium and chromium-driver (/usr/bin/chromium)"),
]

# records every text the progress line shows and every value of the bar, as the page changes them
WATCH = """
window.__stages = []; window.__bar = [];
const bar = document.getElementById('upload-bar'), stage = document.getElementById('upload-stage');
new MutationObserver(() => window.__stages.push(stage.textContent))
  .observe(stage, {childList: true, characterData: true, subtree: true});
new MutationObserver(() => window.__bar.push([bar.value, bar.max, document.getElementById('upload-progress').hidden]))
  .observe(bar, {attributes: true});
"""


@pytest.fixture
def queue_only_server(tmp_path):
    """`notulist serve` without its job worker (NOTULIST_JOB_WORKER=false): submitted jobs stay queued."""
    env = {**os.environ, "NOTULIST_DATA_DIR": str(tmp_path / "data"), "NOTULIST_JOB_WORKER": "false"}
    out = subprocess.run([*notulist_cmd(), "keys", "create", "--role", "secretary", "--name", "Secretaris"], env=env,
                         capture_output=True, text=True, check=True)
    key = out.stdout.strip().splitlines()[-1]
    base = f"http://127.0.0.1:{free_port()}"
    cmd = [*notulist_cmd(), "serve", "--port", base.rsplit(":", 1)[1], "--log-level", "warning"]
    with server_process(cmd, tmp_path / "server.log", env=env) as proc:
        if not wait_for_http(base + "/health", 60, proc=proc, interval=0.2, request_timeout=1):
            raise RuntimeError("server did not start: " + (tmp_path / "server.log").read_text())
        yield base, key


def test_upload_shows_the_jobs_progress_and_opens_the_meeting(server, browser):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    base, keys = server
    wait = WebDriverWait(browser, 120)
    login(browser, base, keys["secretary"])
    browser.execute_script(WATCH)
    browser.find_element(By.ID, "up-agenda").send_keys(str(SEED_0311))
    browser.find_element(By.ID, "upload-button").click()
    wait.until(EC.visibility_of_element_located((By.ID, "upload-bar")))
    shot(browser, "jobs-01-voortgang")
    wait.until(EC.text_to_be_present_in_element((By.ID, "flash"), "ingelezen"))
    wait.until(lambda d: "voortgangsoverleg" in d.find_element(By.ID, "meeting-title").text.casefold())
    stages = browser.execute_script("return window.__stages")
    bars = browser.execute_script("return window.__bar")
    assert any(SEED_0311.name + ": " in s for s in stages), stages  # the ingest's own stage texts arrived
    assert any(0 < value < maximum for value, maximum, _ in bars), bars  # a bar part-way, not only start and end
    assert not browser.find_element(By.ID, "upload-progress").is_displayed()  # hidden again when done
    browser.find_element(By.CSS_SELECTOR, "[data-nav=vergaderingen]").click()
    wait.until(lambda d: "Voortgangsoverleg" in d.find_element(By.ID, "meetings-table").text)  # the list refreshed
    jobs = httpx.get(base + "/api/jobs", headers={"Authorization": f"Bearer {keys['secretary']}"}).json()
    assert [j["status"] for j in jobs] == ["done"]


def test_a_queued_job_is_shown_accessible_and_can_be_cancelled(queue_only_server, browser):  # noqa: F811
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    base, key = queue_only_server
    wait = WebDriverWait(browser, 60)
    login(browser, base, key)
    browser.find_element(By.ID, "up-agenda").send_keys(str(SEED_0311))
    browser.find_element(By.ID, "upload-button").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "upload-stage"), "In de wachtrij"))
    assert browser.find_element(By.ID, "upload-cancel").is_displayed()
    shot(browser, "jobs-02-wachtrij")
    axe_check(browser, "inlezen in de wachtrij")
    browser.find_element(By.ID, "upload-cancel").click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "flash"), "Inlezen geannuleerd"))
    auth = {"Authorization": f"Bearer {key}"}
    assert [j["status"] for j in httpx.get(base + "/api/jobs", headers=auth).json()] == ["cancelled"]
    assert httpx.get(base + "/api/meetings", headers=auth).json() == []
    assert not browser.find_element(By.ID, "upload-progress").is_displayed()
