/* Inlezen als achtergrondtaak: POST /api/jobs, dan de voortgang via EventSource (server-sent events) in een
   voortgangsbalk. EventSource kan geen Authorization-kop sturen; de server geeft daarom bij het indienen
   een kijk-token voor deze ene taak. Valt de stroom weg, dan herstelt EventSource hem zelf (met
   Last-Event-ID); sluit de server hem af zonder einde, dan vragen we de stand op met GET /api/jobs/{id}. */
"use strict";

const JOB_STATUS_NL = { queued: "in de wachtrij", running: "bezig", done: "klaar", failed: "mislukt", cancelled: "geannuleerd" };

function showJobProgress(job) {
  const box = $("#upload-progress");
  box.hidden = false;
  const bar = $("#upload-bar");
  const p = job.progress || { done: 0, total: 0, stage: "" };
  if (p.total > 0) {
    bar.max = p.total;
    bar.value = Math.min(p.done, p.total);
    bar.setAttribute("aria-valuetext", `${Math.round((100 * p.done) / p.total)} procent: ${p.stage}`);
  } else {
    bar.removeAttribute("value");  // onbepaald: nog in de wachtrij
    bar.setAttribute("aria-valuetext", JOB_STATUS_NL[job.status] || job.status);
  }
  const status = JOB_STATUS_NL[job.status] || job.status;
  const label = status.charAt(0).toUpperCase() + status.slice(1);
  $("#upload-stage").textContent = p.stage && p.stage !== status ? `${label}: ${p.stage}` : label;
}

function hideJobProgress() {
  $("#upload-progress").hidden = true;
  $("#upload-cancel").hidden = true;
}

/* Volgt één taak tot hij klaar, mislukt of geannuleerd is; geeft de laatste stand (een job-object). */
function followJob(submitted) {
  return new Promise((resolve) => {
    let finished = false;
    const source = new EventSource(submitted.events);
    const end = (job) => {
      if (finished) return;
      finished = true;
      source.close();
      resolve(job);
    };
    showJobProgress(submitted.job);
    source.addEventListener("progress", (e) => showJobProgress(JSON.parse(e.data)));
    for (const kind of ["done", "failed", "cancelled"]) {
      source.addEventListener(kind, (e) => { const job = JSON.parse(e.data); showJobProgress(job); end(job); });
    }
    source.onerror = async () => {
      if (finished || source.readyState !== EventSource.CLOSED) return;  // EventSource probeert het zelf opnieuw
      try {
        let job = await api("/api/jobs/" + encodeURIComponent(submitted.job.id));
        while (!["done", "failed", "cancelled"].includes(job.status)) {
          showJobProgress(job);
          await new Promise((r) => setTimeout(r, 1000));
          job = await api("/api/jobs/" + encodeURIComponent(submitted.job.id));
        }
        end(job);
      } catch (err) {
        end({ ...submitted.job, status: "failed", error: err.message });
      }
    };
  });
}

async function cancelJob(jobId) {
  try {
    await api("/api/jobs/" + encodeURIComponent(jobId) + "/cancel", { method: "POST" });
    $("#upload-stage").textContent = "wordt geannuleerd…";
  } catch (e) {
    if (e.status !== 401) showError(e.message);
  }
}

/* Dient het formulier in als taak en wacht op het einde; geeft { job, meeting } of gooit een ApiError. */
async function ingestAsJob(form) {
  const submitted = await api("/api/jobs", { method: "POST", form });
  const cancel = $("#upload-cancel");
  cancel.hidden = false;
  cancel.onclick = () => cancelJob(submitted.job.id);
  const job = await followJob(submitted);
  cancel.hidden = true;
  if (job.status === "failed") throw new ApiError(422, job.error || "Het inlezen is mislukt.", "agenda");
  if (job.status === "cancelled") return { job, meeting: null };
  const result = job.results[0];
  const meeting = await api("/api/meetings/" + encodeURIComponent(result.meeting_id));
  return { job, meeting: { ...meeting, status: result.status, warnings: result.warnings || [] } };
}
