// Footfall step editor: move, add and delete steps on the timeline, per-walker shoe and surface, surfaces for
// stretches of time, undo/redo, frame stepping, slow playback and the rendered track's waveform. Every change is
// saved to the job (PUT /api/jobs/ID/steps) so it survives a reload; "Re-render" renders the saved edits.
"use strict";

const PRE_ROLL = 0.3; // a click on a mark plays from a little before the strike, so it is heard
const SAVE_DELAY = 350;

function make(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") element.className = value;
    else if (key === "text") element.textContent = value;
    else if (key.startsWith("data-") || key === "style" || key.startsWith("aria-")) element.setAttribute(key, value);
    else element[key] = value;
  }
  element.append(...children);
  return element;
}

function clock(seconds) {
  const s = Math.max(0, seconds);
  const minutes = Math.floor(s / 60);
  return `${minutes}:${(s - minutes * 60).toFixed(2).padStart(5, "0")}`;
}

// The same round-numbered ticks as the server's TimelineModel.
function ticks(duration) {
  const steps = [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600];
  const step = steps.find((s) => duration / s <= 8) || 1200;
  const out = [];
  for (let t = 0; t <= duration + 1e-9; t += step) out.push(t);
  return out;
}

function tickLabel(t) {
  const whole = Math.round(t);
  return Math.abs(t - whole) < 1e-9 ? `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}` : clock(t);
}

class StepEditor {
  constructor(root, player) {
    this.root = root;
    this.player = player;
    this.job = root.dataset.job;
    this.duration = parseFloat(root.dataset.duration) || 1;
    this.fps = parseFloat(root.dataset.fps) || 25;
    this.shoes = root.dataset.shoes.split(",");
    this.surfaces = root.dataset.surfaces.split(",");
    this.defaultShoe = root.dataset.shoe;
    this.lanes = document.getElementById("lanes");
    this.status = document.getElementById("save-status");
    this.history = [];
    this.future = [];
    this.selected = null;
    this.nextId = 1;
    this.revision = 0;
    this.saveTimer = null;
    this.saving = Promise.resolve(true);
    this.suppressClickUntil = 0;
    this.lastTime = 0;
  }

  async start() {
    const response = await fetch(`/api/jobs/${this.job}/steps`, { cache: "no-store" });
    if (!response.ok) return false; // the server's lanes stay, marks still seek (no editing)
    const document_ = await response.json();
    this.state = this.fromServer(document_);
    this.edited = document_.edited;
    for (const id of ["editor-bar", "editor-hint", "stretch-editor", "editor-actions"]) {
      const element = document.getElementById(id);
      if (element) element.hidden = false;
    }
    this.root.classList.add("editing");
    this.bindToolbar();
    this.bindKeys();
    this.bindPlayer();
    this.bindStretchForm();
    this.render();
    this.loadWaveform();
    this.showStatus(this.edited ? "Edits saved with the job" : "");
    return true;
  }

  fromServer(doc) {
    return {
      steps: doc.steps.map((s) => ({ ...s, _id: this.nextId++ })),
      walkers: (doc.walkers || []).map((w) => ({ walker: w.walker, shoe: w.shoe || null, surface: w.surface || null })),
      surfaces: (doc.surfaces || []).filter((s) => s.source === "override")
        .map((s) => ({ walker: s.walker ?? null, start: s.start, end: s.end, surface: s.surface })),
    };
  }

  // ---- changes, undo/redo, saving

  change(apply) {
    this.history.push(JSON.stringify(this.state));
    if (this.history.length > 200) this.history.shift();
    this.future = [];
    apply(this.state);
    this.changed();
  }

  undo() {
    if (!this.history.length) return;
    this.future.push(JSON.stringify(this.state));
    this.state = JSON.parse(this.history.pop());
    this.changed();
  }

  redo() {
    if (!this.future.length) return;
    this.history.push(JSON.stringify(this.state));
    this.state = JSON.parse(this.future.pop());
    this.changed();
  }

  changed() {
    if (this.selected !== null && !this.step(this.selected)) this.selected = null;
    this.revision += 1;
    this.render();
    this.scheduleSave();
  }

  scheduleSave() {
    clearTimeout(this.saveTimer);
    this.showStatus("Saving…");
    this.saveTimer = setTimeout(() => { this.saveTimer = null; this.saving = this.save(); }, SAVE_DELAY);
  }

  body() {
    const steps = [...this.state.steps].sort((a, b) => a.time - b.time || a.walker - b.walker)
      .map(({ _id, surface, ...rest }) => rest);
    return {
      steps,
      walkers: this.state.walkers.filter((w) => w.shoe || w.surface),
      surfaces: this.state.surfaces,
    };
  }

  async save() {
    const revision = this.revision;
    try {
      const response = await fetch(`/api/jobs/${this.job}/steps`, {
        method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(this.body()),
      });
      if (!response.ok) {
        this.showStatus(`Not saved: ${await errorMessage(response)}`, true);
        return false;
      }
      const saved = await response.json();
      this.edited = true;
      // The server decides each step's surface (stretches, walker, detection): show its answer if nothing changed since.
      if (revision === this.revision) {
        const mine = [...this.state.steps].sort((a, b) => a.time - b.time || a.walker - b.walker);
        if (mine.length === saved.steps.length) mine.forEach((s, i) => { s.surface = saved.steps[i].surface; });
        this.render();
      }
      this.showStatus("Saved · re-render to hear the edits");
      return true;
    } catch {
      this.showStatus("Not saved: the server did not answer. Is it still running?", true);
      return false;
    }
  }

  async flush() {
    if (this.saveTimer) {
      clearTimeout(this.saveTimer);
      this.saveTimer = null;
      this.saving = this.save();
    }
    return this.saving;
  }

  showStatus(text, isError = false) {
    this.status.textContent = text;
    this.status.classList.toggle("error-text", isError);
  }

  // ---- state helpers

  step(id) { return this.state.steps.find((s) => s._id === id); }

  walkerIDs() {
    const ids = new Set(this.state.steps.map((s) => s.walker));
    this.state.walkers.forEach((w) => ids.add(w.walker));
    return [...ids].sort((a, b) => a - b);
  }

  choice(walker) {
    let c = this.state.walkers.find((w) => w.walker === walker);
    if (!c) {
      c = { walker, shoe: null, surface: null };
      this.state.walkers.push(c);
    }
    return c;
  }

  timeAt(track, clientX) {
    const box = track.getBoundingClientRect();
    const t = ((clientX - box.left) / box.width) * this.duration;
    return Math.round(Math.min(Math.max(t, 0), this.duration) * 1000) / 1000;
  }

  left(t) { return `${Math.min(100, Math.max(0, (100 * t) / this.duration))}%`; }

  // ---- drawing

  render() {
    const ids = this.walkerIDs();
    const axis = make("div", { class: "axis" },
      ...ticks(this.duration).map((t) => make("span", { style: `left: ${this.left(t)}`, text: tickLabel(t) })));
    this.lanes.replaceChildren(axis, ...ids.map((walker) => this.lane(walker)));
    if (!ids.length) this.lanes.append(make("p", { class: "muted", text: "No steps. Add a walker's steps with the API." }));
    const count = this.state.steps.length;
    document.getElementById("steps-summary").textContent =
      `${count} step${count === 1 ? "" : "s"} · ${ids.length} walker(s)${this.edited ? " · edited" : ""}`;
    this.renderStretches();
    this.renderSelection();
    this.root.querySelector("[data-action=undo]").disabled = !this.history.length;
    this.root.querySelector("[data-action=redo]").disabled = !this.future.length;
    this.updatePlayhead();
  }

  lane(walker) {
    const steps = this.state.steps.filter((s) => s.walker === walker).sort((a, b) => a.time - b.time);
    const choice = this.state.walkers.find((w) => w.walker === walker) || {};
    const shoe = make("select", { class: "mini", "aria-label": `Walker ${walker} shoe`, "data-walker": walker, "data-field": "shoe" },
      make("option", { value: "", text: this.defaultShoe, title: "the job's shoe" }),
      ...this.shoes.map((s) => make("option", { value: s, text: s, selected: choice.shoe === s })));
    const surface = make("select", { class: "mini", "aria-label": `Walker ${walker} surface`, "data-walker": walker, "data-field": "surface" },
      make("option", { value: "", text: "detected" }),
      ...this.surfaces.map((s) => make("option", { value: s, text: s, selected: choice.surface === s })));
    for (const select of [shoe, surface]) {
      select.addEventListener("change", () => this.change((state) => {
        const c = state.walkers.find((w) => w.walker === walker) || this.choice(walker);
        c[select.dataset.field] = select.value || null;
      }));
    }
    const track = make("div", { class: "lane-track editable", "data-walker": walker, title: "Click an empty spot to add a step" });
    for (const t of ticks(this.duration)) track.append(make("i", { class: "tick", style: `left: ${this.left(t)}` }));
    for (const s of this.state.surfaces.filter((x) => x.walker === null || x.walker === walker)) {
      track.append(make("i", {
        class: "band", title: `${s.surface} ${clock(s.start)}–${clock(s.end)}`,
        style: `left: ${this.left(s.start)}; width: ${(100 * (s.end - s.start)) / this.duration}%`,
      }));
    }
    for (const s of steps) track.append(this.mark(s));
    track.append(make("div", { class: "playhead", "aria-hidden": "true" }));
    track.addEventListener("click", (event) => {
      if (event.target.closest(".mark") || performance.now() < this.suppressClickUntil) return;
      this.addStep(walker, this.timeAt(track, event.clientX));
    });
    return make("div", { class: "lane", "data-walker": walker },
      make("div", { class: "lane-label" }, `Walker ${walker}`,
        make("small", { text: `${steps.length} step${steps.length === 1 ? "" : "s"}` }),
        make("span", { class: "lane-choices" }, shoe, surface)),
      track);
  }

  mark(s) {
    const surface = s.surface || "?";
    const title = `${clock(s.time)} · ${s.foot} foot · ${surface}`;
    const mark = make("button", {
      type: "button", class: `mark ${s.foot}${s._id === this.selected ? " selected" : ""}`,
      style: `left: ${this.left(s.time)}`, "data-time": s.time.toFixed(3), "data-id": s._id, title,
      "aria-label": title, text: surface.slice(0, 1).toUpperCase(),
    });
    mark.addEventListener("pointerdown", (event) => this.startDrag(event, mark, s._id));
    mark.addEventListener("click", (event) => {
      event.stopPropagation();
      if (performance.now() < this.suppressClickUntil) return;
      this.select(s._id);
      this.player.currentTime = Math.max(0, s.time - PRE_ROLL);
      this.player.play().catch(() => {});
    });
    return mark;
  }

  renderSelection() {
    const s = this.selected === null ? null : this.step(this.selected);
    document.getElementById("selection-label").textContent =
      s ? `Walker ${s.walker} · ${s.foot} · ${clock(s.time)}` : "No step selected";
    for (const action of ["foot", "delete"]) this.root.querySelector(`[data-action=${action}]`).disabled = !s;
    this.lanes.querySelectorAll(".mark").forEach((m) => m.classList.toggle("selected", Number(m.dataset.id) === this.selected));
  }

  renderStretches() {
    const list = document.getElementById("stretch-list");
    list.replaceChildren(...this.state.surfaces.map((s, index) => make("li", {},
      make("span", { text: `${clock(s.start)} – ${clock(s.end)} · ${s.walker === null ? "all walkers" : `walker ${s.walker}`} · ${s.surface}` }),
      Object.assign(make("button", { type: "button", class: "link", text: "Remove" }), {
        onclick: () => this.change((state) => state.surfaces.splice(index, 1)),
      }))));
    const walkers = document.querySelector("#stretch-form [name=walker]");
    const current = walkers.value;
    walkers.replaceChildren(make("option", { value: "", text: "all walkers" }),
      ...this.walkerIDs().map((w) => make("option", { value: String(w), text: `walker ${w}`, selected: String(w) === current })));
  }

  // ---- editing gestures

  select(id) {
    this.selected = id;
    this.renderSelection();
  }

  addStep(walker, time) {
    const before = this.state.steps.filter((s) => s.walker === walker && s.time < time).sort((a, b) => b.time - a.time)[0];
    const nearest = this.state.steps.filter((s) => s.walker === walker)
      .sort((a, b) => Math.abs(a.time - time) - Math.abs(b.time - time))[0];
    const step = {
      time, walker, foot: before ? (before.foot === "left" ? "right" : "left") : "left", kind: "heel_strike",
      method: "manual", confidence: 1, surface: nearest ? nearest.surface : null, _id: this.nextId++,
    };
    this.change((state) => state.steps.push(step));
    this.select(step._id);
    this.player.pause();
    this.player.currentTime = time;
  }

  deleteSelected() {
    const id = this.selected;
    if (id === null) return;
    this.change((state) => { state.steps = state.steps.filter((s) => s._id !== id); });
  }

  switchFoot() {
    const id = this.selected;
    if (id === null) return;
    this.change((state) => {
      const s = state.steps.find((x) => x._id === id);
      s.foot = s.foot === "left" ? "right" : "left";
    });
  }

  startDrag(event, mark, id) {
    if (event.button !== 0) return;
    event.stopPropagation();
    const track = mark.parentElement;
    const startX = event.clientX;
    let moved = false;
    let time = this.step(id).time;
    mark.setPointerCapture(event.pointerId);
    const move = (e) => {
      if (!moved && Math.abs(e.clientX - startX) < 4) return;
      if (!moved) { moved = true; this.player.pause(); this.select(id); }
      time = this.timeAt(track, e.clientX);
      mark.style.left = this.left(time);
      mark.classList.add("dragging");
      document.getElementById("selection-label").textContent = `Moving to ${clock(time)}`;
      // The video follows the mark, showing the frame the step would land on.
      if (!this.player.seeking) this.player.currentTime = time;
    };
    const end = () => {
      mark.removeEventListener("pointermove", move);
      mark.removeEventListener("pointerup", end);
      mark.removeEventListener("pointercancel", end);
      if (!moved) return;
      this.suppressClickUntil = performance.now() + 300;
      this.player.currentTime = time;
      this.change((state) => { state.steps.find((s) => s._id === id).time = time; });
    };
    mark.addEventListener("pointermove", move);
    mark.addEventListener("pointerup", end);
    mark.addEventListener("pointercancel", end);
  }

  stepFrame(direction) {
    this.player.pause();
    const frame = Math.round(this.player.currentTime * this.fps) + direction;
    this.player.currentTime = Math.min(Math.max(frame / this.fps, 0), this.player.duration || this.duration);
  }

  // ---- wiring

  bindToolbar() {
    const actions = {
      "frame-back": () => this.stepFrame(-1), "frame-forward": () => this.stepFrame(1), foot: () => this.switchFoot(),
      delete: () => this.deleteSelected(), undo: () => this.undo(), redo: () => this.redo(),
    };
    this.root.querySelectorAll("[data-action]").forEach((button) =>
      button.addEventListener("click", () => actions[button.dataset.action]()));
    const speeds = this.root.querySelectorAll("[data-speed]");
    speeds.forEach((button) => button.addEventListener("click", () => {
      this.player.playbackRate = parseFloat(button.dataset.speed);
      speeds.forEach((b) => b.classList.toggle("on", b === button));
    }));
    document.getElementById("edit-render").addEventListener("click", () => {
      const form = document.getElementById("render-form");
      if (form) form.requestSubmit();
    });
    document.getElementById("edit-reset").addEventListener("click", async () => {
      await this.flush();
      const response = await fetch(`/api/jobs/${this.job}/steps`, { method: "DELETE" });
      if (!response.ok) { this.showStatus(`Not reset: ${await errorMessage(response)}`, true); return; }
      const doc = await response.json();
      this.history.push(JSON.stringify(this.state));
      this.state = this.fromServer(doc);
      this.edited = false;
      this.selected = null;
      this.render();
      this.showStatus("Back to the detected steps (Undo brings the edits back)");
    });
  }

  bindKeys() {
    document.addEventListener("keydown", (event) => {
      if (event.target.closest("input, select, textarea")) return;
      const key = event.key;
      const command = event.ctrlKey || event.metaKey;
      let handled = true;
      if (command && key.toLowerCase() === "z") event.shiftKey ? this.redo() : this.undo();
      else if (command && key.toLowerCase() === "y") this.redo();
      else if (command) handled = false;
      else if (key === "Delete" || key === "Backspace") this.deleteSelected();
      else if (key === ",") this.stepFrame(-1);
      else if (key === ".") this.stepFrame(1);
      else if (key === "f" || key === "F") this.switchFoot();
      else if (key === "Escape") this.select(null);
      else handled = false;
      if (handled) event.preventDefault();
    });
  }

  bindStretchForm() {
    const form = document.getElementById("stretch-form");
    const surface = form.elements.surface;
    surface.replaceChildren(...this.surfaces.map((s) => make("option", { value: s, text: s })));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const start = parseFloat(form.elements.start.value);
      const end = Math.min(parseFloat(form.elements.end.value), this.duration);
      if (!(start >= 0 && end > start)) { this.showStatus("A stretch needs a start before its end.", true); return; }
      const walker = form.elements.walker.value === "" ? null : Number(form.elements.walker.value);
      this.change((state) => state.surfaces.push({ walker, start, end, surface: surface.value }));
    });
  }

  bindPlayer() {
    const follow = () => {
      this.updatePlayhead();
      if (!this.player.paused && !this.player.ended) requestAnimationFrame(follow);
    };
    this.player.addEventListener("play", () => requestAnimationFrame(follow));
    this.player.addEventListener("timeupdate", () => this.updatePlayhead());
    this.player.addEventListener("seeked", () => this.updatePlayhead());
    window.addEventListener("resize", () => this.drawWaveform());
  }

  updatePlayhead() {
    const t = this.player.currentTime;
    const left = this.left(t);
    this.root.querySelectorAll(".playhead").forEach((head) => { head.style.left = left; });
    const playing = !this.player.paused;
    this.lanes.querySelectorAll(".mark").forEach((mark) => {
      const time = parseFloat(mark.dataset.time);
      mark.classList.toggle("now", Math.abs(time - t) < 0.12);
      // Flash each mark as the playhead passes it (restarting the animation).
      if (playing && this.lastTime < time && time <= t) {
        mark.classList.remove("flash");
        void mark.offsetWidth;
        mark.classList.add("flash");
      }
    });
    this.lastTime = t;
  }

  async loadWaveform() {
    try {
      const response = await fetch(`/api/jobs/${this.job}/waveform`, { cache: "no-store" });
      if (!response.ok) return;
      this.waveform = await response.json();
      document.getElementById("waveform-lane").hidden = false;
      this.drawWaveform();
    } catch { /* no waveform: the editor works without it */ }
  }

  drawWaveform() {
    const canvas = document.getElementById("waveform");
    if (!this.waveform || !canvas) return;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    const context = canvas.getContext("2d");
    context.scale(ratio, ratio);
    context.clearRect(0, 0, width, height);
    const { peaks, rate } = this.waveform;
    const loudest = Math.max(1e-6, ...peaks);
    context.fillStyle = "#8aa4d6";
    const middle = height / 2;
    for (let x = 0; x < width; x += 1) {
      const from = Math.floor(((x / width) * this.duration) * rate);
      const to = Math.max(from + 1, Math.floor((((x + 1) / width) * this.duration) * rate));
      let peak = 0;
      for (let i = from; i < to && i < peaks.length; i += 1) peak = Math.max(peak, peaks[i]);
      // Square root: quiet distant steps still show next to loud near ones.
      const h = Math.max(0.5, Math.sqrt(peak / loudest) * (middle - 2));
      context.fillRect(x, middle - h, 1, 2 * h);
    }
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  const root = document.getElementById("timeline");
  const player = document.getElementById("player");
  if (!root || !player) return;
  const editor = new StepEditor(root, player);
  window.footfallEditor = editor;
  if (!(await editor.start())) window.footfallEditor = null;
});
