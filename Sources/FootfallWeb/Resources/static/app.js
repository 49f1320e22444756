// Footfall web interface: upload with progress, live job status, re-render. No dependencies (the timeline and its
// step editor are in editor.js).
"use strict";

// Same words as PageFormat.stageLabel on the server.
const stageLabels = {
  starting: "Starting", probe: "Checking the video", pose: "Finding the walkers", steps: "Finding heel strikes",
  surface: "Recognising the ground", sound: "Making footstep sounds", mix: "Mixing", export: "Writing the files",
};

function showError(element, message) {
  element.textContent = message;
  element.hidden = false;
}

async function errorMessage(response) {
  try { return (await response.json()).error || response.statusText; } catch { return response.statusText; }
}

function setupUpload() {
  const form = document.getElementById("upload-form");
  if (!form) return;
  const input = document.getElementById("video-input");
  const zone = document.getElementById("drop-zone");
  const fileName = document.getElementById("file-name");
  const bar = document.getElementById("upload-progress");
  const status = document.getElementById("upload-status");
  const error = document.getElementById("upload-error");
  const button = form.querySelector("button[type=submit]");

  const showFile = () => { fileName.textContent = input.files.length ? input.files[0].name : ""; };
  input.addEventListener("change", showFile);
  ["dragenter", "dragover"].forEach((type) => zone.addEventListener(type, (event) => {
    event.preventDefault();
    zone.classList.add("over");
  }));
  ["dragleave", "drop"].forEach((type) => zone.addEventListener(type, () => zone.classList.remove("over")));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    if (event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      showFile();
    }
  });

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    error.hidden = true;
    if (!input.files.length) { showError(error, "Choose a video first."); return; }
    const request = new XMLHttpRequest();
    request.open("POST", "/api/jobs");
    request.responseType = "json";
    bar.hidden = false;
    button.disabled = true;
    request.upload.onprogress = (e) => {
      if (!e.lengthComputable) return;
      const percent = Math.round((100 * e.loaded) / e.total);
      bar.firstElementChild.style.width = percent + "%";
      status.textContent = percent < 100 ? `Uploading… ${percent} %` : "Checking the video…";
    };
    request.onload = () => {
      if (request.status === 201 && request.response) {
        status.textContent = "Uploaded. Opening the job…";
        window.location.href = "/jobs/" + request.response.id;
        return;
      }
      button.disabled = false;
      bar.hidden = true;
      status.textContent = "";
      showError(error, (request.response && request.response.error) || `Upload failed (HTTP ${request.status}).`);
    };
    request.onerror = () => {
      button.disabled = false;
      bar.hidden = true;
      status.textContent = "";
      showError(error, "The upload was interrupted. Is the server still running?");
    };
    request.send(new FormData(form));
  });
}

function setupJob() {
  const card = document.getElementById("job");
  if (!card) return;
  const id = card.dataset.job;
  if (card.dataset.status === "queued" || card.dataset.status === "running") {
    const stage = document.getElementById("job-stage");
    const percent = document.getElementById("job-percent");
    const fill = document.getElementById("job-progress");
    const pill = document.getElementById("job-status");
    const poll = async () => {
      try {
        const response = await fetch(`/api/jobs/${id}`, { cache: "no-store" });
        if (response.ok) {
          const job = await response.json();
          if (job.status === "done" || job.status === "failed") { window.location.reload(); return; }
          const p = Math.round(100 * (job.progress || 0));
          stage.textContent = job.status === "queued"
            ? (job.queue_position > 0 ? `Waiting in the queue (${job.queue_position} ahead)` : "Waiting to start")
            : stageLabels[job.stage] || job.stage || "Working";
          percent.textContent = `${p} %`;
          fill.style.width = `${p}%`;
          pill.textContent = job.status;
          pill.className = `pill ${job.status}`;
        }
      } catch { /* server restarting: keep polling */ }
      setTimeout(poll, 500);
    };
    poll();
  }
  setupRerender();
}

function setupRerender() {
  const form = document.getElementById("render-form");
  if (!form) return;
  const error = document.getElementById("render-error");
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.hidden = true;
    // Pending step edits are saved first, so the render uses them (editor.js).
    if (window.footfallEditor && !(await window.footfallEditor.flush())) {
      showError(error, "The step edits could not be saved; see the message above the timeline.");
      return;
    }
    const data = Object.fromEntries(new FormData(form).entries());
    const response = await fetch(`/api/jobs/${form.dataset.job}/render`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(data),
    });
    if (response.ok) { window.location.reload(); return; }
    showError(error, await errorMessage(response));
  });
}

document.addEventListener("DOMContentLoaded", () => {
  setupUpload();
  setupJob();
});
