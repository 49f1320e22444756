#!/usr/bin/python3
"""End-to-end check of `footfall serve` in a real browser (issue 9), run by `make e2e` and by CI.

Drives Debian's headless Chromium through Debian's chromium-driver with Debian's python3-selenium (installed by
`scripts/setup.sh --e2e`; nothing is fetched from PyPI and no browser is downloaded). It does what a user does:
opens the upload page, chooses a 6 s cut of the demo video in the file input, submits, watches the job page until
the real render is done, plays the result, clicks a step mark, renders again with another sound and surface, views
the result on a phone-sized window, and tries a file that is not a video. Screenshots of every page go to --shots (default out/e2e/).

It builds nothing: it runs FOOTFALL_BIN, or the newer of .build/release/footfall and .build/debug/footfall.
Every wait is bounded; the server is stopped and the temporary folder removed on exit; the server log is printed
when something fails.
    Tests/e2e/web_e2e.py [--shots DIR] [--keep]
"""

import argparse
import base64
import json
import math
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import wave
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.select import Select
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / ".cache/demo/vtest.avi"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
WHOLE_RUN_LIMIT = 420  # seconds; the render of the 6 s cut takes about 75 s with a debug build on 2 busy cores
RENDER_LIMIT = 240
CLIP_SECONDS = 6
PRE_ROLL = 0.3  # app.js seeks this far before a strike so the sound is heard
TOLERANCE = 0.1
TRANSIENT_TOLERANCE = 0.001  # the done-when of issue 18: transients at the edited times ±1 ms
ISOLATION = 0.15  # edited steps are kept this far from any other step, so each transient is its own


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def log(message):
    print(f"[e2e] {message}", flush=True)


def footfall_binary():
    if os.environ.get("FOOTFALL_BIN"):
        return Path(os.environ["FOOTFALL_BIN"])
    built = [p for p in (ROOT / ".build/release/footfall", ROOT / ".build/debug/footfall") if p.exists()]
    check(built, "no footfall binary in .build: run 'make build' (or 'make e2e', which builds first)")
    return max(built, key=lambda p: p.stat().st_mtime)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.load(response)


def make_clip(work):
    check(DEMO.exists(), f"demo video missing at {DEMO}: run scripts/setup.sh")
    clip = work / "walk.mp4"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(DEMO), "-t", str(CLIP_SECONDS),
                    "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-an", str(clip)],
                   check=True, timeout=60)
    return clip


def start_server(binary, work, port):
    log_file = open(work / "serve.log", "w")
    env = dict(os.environ, LLVM_PROFILE_FILE=str(work / "serve-%p.profraw"))  # a coverage build writes here
    server = subprocess.Popen([str(binary), "serve", "--port", str(port), "--data", str(work / "data")],
                              cwd=ROOT, stdout=log_file, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        check(server.poll() is None, f"footfall serve exited with status {server.returncode}")
        try:
            if get_json(base + "/healthz", timeout=2).get("status") == "ok":
                return server, base
        except OSError:
            pass
        time.sleep(0.2)
    raise Failure("footfall serve did not answer /healthz within 30 s")


def start_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--hide-scrollbars", "--mute-audio"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(30)
    return driver


def shoot(driver, shots, name):
    """Saves a screenshot of the whole page, not just the 1280×900 window (Chromium's capture beyond the viewport)."""
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 4000), "scale": 1}
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip})
    path = shots / name
    path.write_bytes(base64.b64decode(shot["data"]))
    log(f"screenshot {path}")


def wait_for(driver, seconds, what, condition):
    try:
        return WebDriverWait(driver, seconds, poll_frequency=0.25).until(lambda d: condition(d))
    except Exception as error:  # TimeoutException, or a page that reloaded under us
        raise Failure(f"timed out after {seconds} s waiting for {what} (page: {driver.current_url})") from error


def wait_done(driver, base, job_id):
    """Waits, on the job page, for the page itself to show the finished result (app.js polls and reloads)."""
    wait_for(driver, RENDER_LIMIT, "the job page to show a finished job", lambda d: d.execute_script(
        "const c = document.getElementById('job'); return c && (c.dataset.status === 'done' || c.dataset.status === 'failed')"))
    job = get_json(f"{base}/api/jobs/{job_id}")
    check(job["status"] == "done", f"the job ended '{job['status']}': {job.get('error')}")
    return job


def upload(driver, shots, base, clip):
    driver.get(base + "/")
    check("Add footsteps to a video" in driver.find_element(By.TAG_NAME, "h1").text, "the upload page has no title")
    # Dropping a file on the zone puts it in the form (a synthetic drop: WebDriver cannot drag from the desktop).
    dropped = driver.execute_script("""
        const zone = document.getElementById('drop-zone'), data = new DataTransfer();
        data.items.add(new File(['not uploaded'], 'dropped.mp4', { type: 'video/mp4' }));
        zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
        const highlighted = zone.classList.contains('over');
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
        const input = document.getElementById('video-input');
        return [highlighted, zone.classList.contains('over'), input.files.length && input.files[0].name,
                document.getElementById('file-name').textContent];
    """)
    check(dropped == [True, False, "dropped.mp4", "dropped.mp4"], f"dropping a file on the zone: {dropped}")
    # Choosing a file: Selenium sets the file input the way the browser's file chooser does.
    driver.find_element(By.ID, "video-input").send_keys(str(clip))
    wait_for(driver, 5, "the chosen file's name", lambda d: d.find_element(By.ID, "file-name").text == clip.name)
    shoot(driver, shots, "1-upload.png")
    started = time.monotonic()
    driver.find_element(By.CSS_SELECTOR, "#upload-form button[type=submit]").click()
    wait_for(driver, 60, "the job page after the upload", lambda d: "/jobs/" in d.current_url)
    job_id = driver.current_url.rstrip("/").split("/jobs/")[1]
    log(f"uploaded through the page: job {job_id}")
    # Let the render get going so the screenshot shows a stage and progress, not "queued".
    try:
        WebDriverWait(driver, 20, poll_frequency=0.25).until(lambda d: d.execute_script(
            "const p = document.getElementById('job-progress'); return p && parseFloat(p.style.width) > 0"))
    except Exception:
        log("no progress shown within 20 s; taking the running-job screenshot anyway")
    if driver.find_elements(By.ID, "job-stage"):
        shoot(driver, shots, "2-job-running.png")
    job = wait_done(driver, base, job_id)
    log(f"render done in {time.monotonic() - started:.0f} s")
    return job_id, job


def check_result(driver, shots, base, job_id, shot_name):
    player = wait_for(driver, 10, "the video player", lambda d: d.find_elements(By.ID, "player"))[0]
    duration = driver.execute_async_script("""
        const [video, done] = [arguments[0], arguments[arguments.length - 1]];
        if (video.readyState >= 1) { done(video.duration); return; }
        video.addEventListener('loadedmetadata', () => done(video.duration), { once: true });
        video.addEventListener('error', () => done(-1), { once: true });
    """, player)
    check(duration is not None and math.isfinite(duration) and duration > 0,
          f"the video element has no usable duration ({duration})")
    check(abs(duration - CLIP_SECONDS) < 0.6, f"the video lasts {duration:.2f} s, the upload {CLIP_SECONDS} s")
    # The screenshot should show the first frame. (Headless Chromium still draws its loading ring over a video that
    # has not played yet; 4-result-after-click.png shows the player without it.)
    wait_for(driver, 20, "the player to load the first frame", lambda d: d.execute_script(
        "return arguments[0].readyState >= 3", player))
    steps = get_json(f"{base}/api/jobs/{job_id}/steps")["steps"]
    marks = driver.find_elements(By.CSS_SELECTOR, ".timeline .mark")
    check(len(steps) > 0, "the render found no steps in the demo cut")
    check(len(marks) == len(steps), f"the timeline shows {len(marks)} marks for {len(steps)} steps")
    mark_times = sorted(float(m.get_attribute("data-time")) for m in marks)
    step_times = sorted(s["time"] for s in steps)
    check(all(abs(a - b) < 0.01 for a, b in zip(mark_times, step_times)), "the marks are not at the steps' times")
    log(f"video {duration:.2f} s, {len(marks)} marks = {len(steps)} steps")
    shoot(driver, shots, shot_name)
    return player, marks, steps


def click_mark(driver, shots, player, marks):
    """Clicks a mark after the first second: the player must seek to just before that strike and play through it."""
    mark = next((m for m in marks if float(m.get_attribute("data-time")) > 1.0), marks[-1])
    strike = float(mark.get_attribute("data-time"))
    driver.execute_script("""
        const video = arguments[0];
        window.seekedAt = null;
        video.addEventListener('seeked', () => { if (window.seekedAt === null) window.seekedAt = video.currentTime; });
    """, player)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    seeked = wait_for(driver, 10, "the player to seek after the click", lambda d: d.execute_script(
        "return window.seekedAt === null ? null : [window.seekedAt]"))[0]
    target = max(0.0, strike - PRE_ROLL)
    check(abs(seeked - target) <= TOLERANCE,
          f"clicking the mark at {strike:.2f} s sought to {seeked:.2f} s, expected {target:.2f} s ± {TOLERANCE}")
    # Then it plays through the strike.
    wait_for(driver, 20, "playback to pass the clicked strike", lambda d: d.execute_script(
        "return arguments[0].currentTime >= arguments[1]", player, strike))
    # Stopped on the strike, the playhead is there and the mark is highlighted.
    driver.execute_async_script("""
        const [video, time, done] = arguments;
        video.pause();
        video.addEventListener('seeked', () => done(), { once: true });
        video.currentTime = time;
    """, player, strike)
    check("now" in mark.get_attribute("class").split(), f"the mark at {strike:.2f} s is not highlighted at its time")
    playhead, mark_left = driver.execute_script(
        "const m = arguments[0]; return [parseFloat(m.parentElement.querySelector('.playhead').style.left), "
        "parseFloat(m.style.left)]", mark)
    check(abs(playhead - mark_left) < 0.5, f"the playhead is at {playhead:.1f} %, the mark at {mark_left:.1f} %")
    log(f"clicked the mark at {strike:.2f} s: sought to {seeked:.2f} s, played through the strike")
    shoot(driver, shots, "4-result-after-click.png")


def rerender(driver, shots, base, job_id, first_job):
    form = driver.find_element(By.ID, "render-form")
    backend_menu = Select(form.find_element(By.NAME, "backend"))
    current = first_job["overrides"].get("backend") or backend_menu.first_selected_option.get_attribute("value")
    # The menu disables backends that cannot run here (no samples folder, no RunPod key); runpod would also need
    # the internet, which CI must not.
    others = [o.get_attribute("value") for o in backend_menu.options
              if o.is_enabled() and o.get_attribute("value") not in (current, "runpod")]
    disabled = [o.get_attribute("value") for o in backend_menu.options if not o.is_enabled()]
    log(f"backends that cannot run here are disabled in the menu: {', '.join(disabled) or 'none'}")
    surface_menu = Select(form.find_element(By.NAME, "surface"))
    surfaces = [o.get_attribute("value") for o in surface_menu.options if o.get_attribute("value") != "auto"]
    check(surfaces, "the re-render form offers no surfaces")
    surface = surfaces[-1]
    surface_menu.select_by_value(surface)
    backend = others[0] if others else current
    backend_menu.select_by_value(backend)
    log(f"re-rendering with backend {backend}, surface {surface}")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, 30, "the re-render to start", lambda d: d.execute_script(
        "const c = document.getElementById('job'); return c && c.dataset.status !== 'done'")
        or get_json(f"{base}/api/jobs/{job_id}")["render_count"] > first_job["render_count"])
    job = wait_done(driver, base, job_id)
    check(job["render_count"] == first_job["render_count"] + 1, f"render_count is {job['render_count']} after a re-render")
    check(job["overrides"].get("surface") == surface, f"the re-render used surface {job['overrides'].get('surface')}")
    meta = driver.find_element(By.CSS_SELECTOR, "#job .muted").text
    check(backend in meta and surface in meta, f"the page does not say what was rendered: '{meta}'")
    _, marks, steps = check_result(driver, shots, base, job_id, "5-rerendered.png")
    check(all(s["surface"] == surface for s in steps), f"not every step is on {surface} after choosing it")
    check(all(m.text == marks[0].text for m in marks), "the marks' surface letters differ after one surface was chosen")


def wav_envelope(path):
    """The track's loudest channel, rectified and averaged over 1 ms (as the sound backends find transients)."""
    with wave.open(str(path)) as w:
        check(w.getsampwidth() == 3, f"the WAV has {8 * w.getsampwidth()}-bit samples, expected 24")
        channels, rate, frames = w.getnchannels(), w.getframerate(), w.getnframes()
        raw = w.readframes(frames)
    loudest = [0.0] * frames
    for i in range(frames):
        for c in range(channels):
            offset = 3 * (i * channels + c)
            value = abs(int.from_bytes(raw[offset:offset + 3], "little", signed=True)) / 8388608
            if value > loudest[i]:
                loudest[i] = value
    half = rate // 2000
    prefix = [0.0]
    for v in loudest:
        prefix.append(prefix[-1] + v)
    envelope = [(prefix[min(frames, i + half + 1)] - prefix[max(0, i - half)]) / (min(frames, i + half + 1) - max(0, i - half))
                for i in range(frames)]
    return envelope, rate


def transient_near(envelope, rate, time, window=0.02):
    start, end = max(0, int((time - window) * rate)), min(len(envelope), int((time + window) * rate))
    index = max(range(start, end), key=lambda i: envelope[i])
    return index / rate, envelope[index]


def isolated(time, steps, skip=(), distance=ISOLATION):
    return all(abs(s["time"] - time) >= distance for i, s in enumerate(steps) if i not in skip)


def lane_x(driver, track, time):
    """The pixel offset from the track's centre (Selenium's origin) where `time` is."""
    width = driver.execute_script("return arguments[0].getBoundingClientRect().width", track)
    duration = float(driver.find_element(By.ID, "timeline").get_attribute("data-duration"))
    return time / duration * width - width / 2


def api_steps(base, job_id):
    return get_json(f"{base}/api/jobs/{job_id}/steps")


def wait_saved(driver):
    wait_for(driver, 10, "the edits to be saved", lambda d: d.find_element(By.ID, "save-status").text.startswith("Saved"))


def edit_steps(driver, shots, base, job_id, work):
    """The step editor (issue 18): drag, add, delete, shoe, frames, undo/redo, then re-render the edits."""
    wait_for(driver, 15, "the step editor", lambda d: d.execute_script(
        "return !!window.footfallEditor && !document.getElementById('editor-bar').hidden"))
    player = driver.find_element(By.ID, "player")
    before = api_steps(base, job_id)
    steps = sorted(before["steps"], key=lambda s: s["time"])
    duration = float(driver.find_element(By.ID, "timeline").get_attribute("data-duration"))
    check(len(steps) >= 3, f"the demo cut has only {len(steps)} steps; the editor test needs 3")

    # Choose a step to delete and one to move (with a free spot to move it to), each away from the others.
    def free(time, skip):
        return 0.3 < time < duration - 0.3 and isolated(time, steps, skip)
    deleted = next((i for i in range(len(steps)) if isolated(steps[i]["time"], steps, {i}, 0.25)), None)
    check(deleted is not None, "no step stands 0.25 s away from the others to delete")
    moves = [(i, steps[i]["time"] + d) for i in range(len(steps)) if i != deleted
             for d in (0.3, -0.3, 0.45, -0.45, 0.6, -0.6) if free(steps[i]["time"] + d, {i, deleted})]
    check(moves, "no step can be moved to a free spot")
    moved, target = moves[0]
    taken = [s["time"] for i, s in enumerate(steps) if i not in (moved, deleted)] + [target]
    added = next((t / 20 for t in range(6, int(duration * 20) - 6)
                  if all(abs(t / 20 - x) >= ISOLATION for x in taken)), None)
    check(added is not None, "no free spot to add a step")
    moved_walker, added_walker = steps[moved]["walker"], steps[0]["walker"]
    deleted_time = steps[deleted]["time"]
    first_wav = work / "before.wav"
    files = get_json(f"{base}/api/jobs/{job_id}")["files"]
    first_name = next(f for f in files if f.endswith(".footsteps.wav"))
    with urllib.request.urlopen(f"{base}/api/jobs/{job_id}/files/{first_name}", timeout=30) as response:
        first_wav.write_bytes(response.read())
    envelope_before, rate_before = wav_envelope(first_wav)
    _, heard_before = transient_near(envelope_before, rate_before, deleted_time)

    # Drag: the mark follows the pointer and the video shows the frame under it.
    mark = driver.find_element(By.CSS_SELECTOR, f".mark[data-time='{steps[moved]['time']:.3f}']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    track = mark.find_element(By.XPATH, "..")
    dx = lane_x(driver, track, target) - lane_x(driver, track, steps[moved]["time"])
    ActionChains(driver).move_to_element(mark).click_and_hold().move_by_offset(dx / 2, 0) \
        .move_by_offset(dx - dx / 2, 0).release().perform()
    wait_saved(driver)
    after_move = sorted(api_steps(base, job_id)["steps"], key=lambda s: s["time"])
    new_times = sorted(s["time"] for s in after_move)
    moved_to = min((t for t in new_times), key=lambda t: abs(t - target))
    check(abs(moved_to - target) < 0.05, f"dragging the step at {steps[moved]['time']:.3f} s to {target:.3f} s "
          f"left it at {moved_to:.3f} s")
    check(abs(player.get_property("currentTime") - moved_to) < 0.06,
          f"after the drag the video shows {player.get_property('currentTime'):.3f} s, the step is at {moved_to:.3f} s")
    log(f"dragged the step at {steps[moved]['time']:.3f} s to {moved_to:.3f} s; the video followed")

    # Add: click an empty spot in a lane.
    lane = driver.find_element(By.CSS_SELECTOR, f".lane-track[data-walker='{added_walker}']")
    ActionChains(driver).move_to_element_with_offset(lane, lane_x(driver, lane, added), 8).click().perform()
    wait_saved(driver)
    now = api_steps(base, job_id)["steps"]
    check(len(now) == len(steps) + 1, f"clicking an empty spot gave {len(now)} steps, expected {len(steps) + 1}")
    added_at = min((s["time"] for s in now if s["walker"] == added_walker and s.get("method") == "manual"),
                   key=lambda t: abs(t - added))
    check(abs(added_at - added) < 0.05, f"the step added at {added:.3f} s is at {added_at:.3f} s")
    log(f"added a step for walker {added_walker} at {added_at:.3f} s")

    # Delete: select the mark, press Delete; undo brings it back, redo deletes it again.
    mark = driver.find_element(By.CSS_SELECTOR, f".mark[data-time='{deleted_time:.3f}']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", mark)
    mark.click()
    driver.execute_script("arguments[0].pause()", player)
    count = len(driver.find_elements(By.CSS_SELECTOR, ".timeline .mark"))
    ActionChains(driver).send_keys(Keys.DELETE).perform()
    check(len(driver.find_elements(By.CSS_SELECTOR, ".timeline .mark")) == count - 1, "Delete did not remove the mark")
    ActionChains(driver).key_down(Keys.CONTROL).send_keys("z").key_up(Keys.CONTROL).perform()
    check(len(driver.find_elements(By.CSS_SELECTOR, ".timeline .mark")) == count, "Ctrl+Z did not bring the step back")
    ActionChains(driver).key_down(Keys.CONTROL).key_down(Keys.SHIFT).send_keys("z").key_up(Keys.SHIFT) \
        .key_up(Keys.CONTROL).perform()
    check(len(driver.find_elements(By.CSS_SELECTOR, ".timeline .mark")) == count - 1, "Ctrl+Shift+Z did not redo the delete")
    log(f"deleted the step at {deleted_time:.3f} s (Delete, Ctrl+Z, Ctrl+Shift+Z)")

    # Shoe for the moved step's walker.
    Select(driver.find_element(By.CSS_SELECTOR, f"select[data-walker='{moved_walker}'][data-field='shoe']")).select_by_value("boots")
    wait_saved(driver)

    # Frame stepping and slow playback.
    start = player.get_property("currentTime")
    ActionChains(driver).send_keys(".").perform()
    fps = float(driver.find_element(By.ID, "timeline").get_attribute("data-fps"))
    wait_for(driver, 5, "'.' to step a frame", lambda d: abs(player.get_property("currentTime") - start - 1 / fps) < 0.5 / fps
             or abs(player.get_property("currentTime") - (round(start * fps) + 1) / fps) < 0.01)
    driver.find_element(By.CSS_SELECTOR, "[data-speed='0.25']").click()
    check(player.get_property("playbackRate") == 0.25, "the 0.25× button did not slow the player down")
    driver.find_element(By.CSS_SELECTOR, "[data-speed='1']").click()

    edited = api_steps(base, job_id)
    check(edited["edited"], "the job does not say its steps were edited")
    check(len(edited["steps"]) == len(steps), f"{len(edited['steps'])} steps after one add and one delete of {len(steps)}")
    shoes = {w["walker"]: w["shoe"] for w in edited["walkers"]}
    check(shoes.get(moved_walker) == "boots", f"walker {moved_walker}'s shoe is {shoes.get(moved_walker)}")
    check(all(abs(s["time"] - deleted_time) > 0.01 for s in edited["steps"]), "the deleted step is still there")
    shoot(driver, shots, "8-editor.png")

    # Re-render the edits with the procedural backend, surfaces detected.
    form = driver.find_element(By.ID, "render-form")
    Select(form.find_element(By.NAME, "backend")).select_by_value("procedural")
    Select(form.find_element(By.NAME, "surface")).select_by_value("auto")
    render_count = get_json(f"{base}/api/jobs/{job_id}")["render_count"]
    driver.find_element(By.ID, "edit-render").click()
    wait_for(driver, 30, "the edited re-render to start",
             lambda d: get_json(f"{base}/api/jobs/{job_id}")["render_count"] > render_count)
    job = wait_done(driver, base, job_id)
    stages = [t["stage"] for t in job["timings"]]
    check("pose" not in stages and "surface" not in stages, f"the edited re-render ran {stages}")
    seconds = sum(t["seconds"] for t in job["timings"])
    parts = ", ".join(f"{t['stage']} {t['seconds']:.2f}" for t in job["timings"])
    log(f"re-rendered the edits in {seconds:.2f} s ({parts})")

    # The WAV, downloaded as the page's link does.
    wav_name = next(f for f in job["files"] if f.endswith(".footsteps.wav"))
    link = driver.find_element(By.CSS_SELECTOR, f".downloads a[href*='{wav_name}']").get_attribute("href")
    wav = work / "edited.wav"
    with urllib.request.urlopen(link, timeout=30) as response:
        wav.write_bytes(response.read())
    envelope, rate = wav_envelope(wav)
    rendered = api_steps(base, job_id)["steps"]
    heard = {}
    for label, time in (("moved", moved_to), ("added", added_at)):
        at, level = transient_near(envelope, rate, time)
        check(abs(at - time) <= TRANSIENT_TOLERANCE,
              f"the {label} step is at {time:.4f} s but its transient at {at:.4f} s ({1000 * (at - time):+.1f} ms)")
        heard[label] = level
    loudest_gone, _ = max(((envelope[i], i) for i in range(int((deleted_time - 0.03) * rate), int((deleted_time + 0.03) * rate))))
    quietest = min(heard.values())
    check(loudest_gone < 0.1 * min(quietest, heard_before),
          f"the deleted step's spot ({deleted_time:.3f} s) is not silent: {loudest_gone:.5f} against {quietest:.5f} "
          f"at the edited steps and {heard_before:.5f} there before")
    check(len(rendered) == len(edited["steps"]), "the rendered steps are not the edited ones")
    log(f"WAV: transients at the moved ({moved_to:.3f} s) and added ({added_at:.3f} s) steps within 1 ms; "
        f"the deleted step's spot is silent ({loudest_gone:.1e}; {heard_before:.1e} before the edit)")
    check_result(driver, shots, base, job_id, "9-edited-result.png")



def phone_view(driver, shots):
    """The result page on a phone-sized window: the timeline must still fit across the screen."""
    driver.set_window_size(390, 844)
    try:
        overflow = driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        check(overflow <= 1, f"on a 390 px wide window the page scrolls sideways by {overflow} px")
        shoot(driver, shots, "6-result-phone.png")
    finally:
        driver.set_window_size(1280, 900)


def bad_upload(driver, shots, base, work):
    not_video = work / "notes.mp4"
    not_video.write_text("these are notes, not a video\n" * 20)
    driver.get(base + "/")
    driver.find_element(By.ID, "video-input").send_keys(str(not_video))
    driver.find_element(By.CSS_SELECTOR, "#upload-form button[type=submit]").click()
    error = wait_for(driver, 20, "the upload error message", lambda d: (lambda e: e.is_displayed() and e)(
        d.find_element(By.ID, "upload-error")))
    check("/jobs/" not in driver.current_url, "a file that is not a video became a job")
    check(error.text.strip(), "the upload error is empty")
    log(f"a file that is not a video is refused on the page: '{error.text}'")
    shoot(driver, shots, "7-upload-error.png")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shots", default=str(ROOT / "out/e2e"), help="folder for the screenshots")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (uploads, jobs, server log)")
    arguments = parser.parse_args()
    shots = Path(arguments.shots).resolve()
    shots.mkdir(parents=True, exist_ok=True)
    for old in shots.glob("*.png"):
        old.unlink()

    def too_long(*_):
        raise Failure(f"the whole check took more than {WHOLE_RUN_LIMIT} s")
    signal.signal(signal.SIGALRM, too_long)
    signal.alarm(WHOLE_RUN_LIMIT)

    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="footfall-e2e-"))
    server = driver = None
    failed = True
    try:
        binary = footfall_binary()
        log(f"using {binary.relative_to(ROOT) if binary.is_relative_to(ROOT) else binary}")
        clip = make_clip(work)
        server, base = start_server(binary, work, free_port())
        log(f"footfall serve at {base}")
        driver = start_browser()
        log(f"browser: Chromium {driver.capabilities.get('browserVersion')}")
        job_id, job = upload(driver, shots, base, clip)
        player, marks, _ = check_result(driver, shots, base, job_id, "3-result.png")
        click_mark(driver, shots, player, marks)
        rerender(driver, shots, base, job_id, job)
        edit_steps(driver, shots, base, job_id, work)
        phone_view(driver, shots)
        bad_upload(driver, shots, base, work)
        failed = False
    except Exception as failure:  # a Failure says what is wrong; anything else is shown with its type
        message = failure if isinstance(failure, Failure) else f"{type(failure).__name__}: {failure}"
        print(f"[e2e] FAILED: {message}", file=sys.stderr)
        if driver:
            try:
                driver.save_screenshot(str(shots / "failure.png"))
                print(f"[e2e] the page at the failure: {shots / 'failure.png'}", file=sys.stderr)
            except Exception:
                pass
    finally:
        signal.alarm(0)
        if driver:
            driver.quit()
        if server:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
        if failed and (work / "serve.log").exists():
            print("[e2e] server log:\n" + (work / "serve.log").read_text()[-20000:], file=sys.stderr)
        if arguments.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    if failed:
        return 1
    log(f"passed in {time.monotonic() - started:.0f} s; screenshots in {shots}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
