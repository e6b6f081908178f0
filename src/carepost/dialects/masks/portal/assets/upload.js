// Uploads each scan file on its own, with progress (served from 'self' under the portal's CSP).
const uploadUrl = document.getElementById("uploads").dataset.uploadUrl;
document.querySelectorAll("form.upload").forEach((form) => {
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const kind = form.dataset.kind;
    const state = document.getElementById(kind + "-state");
    const bar = form.querySelector("progress");
    const data = new FormData();
    data.append("file", form.querySelector("input").files[0]);
    const request = new XMLHttpRequest();
    request.open("POST", uploadUrl.replace("__KIND__", kind));
    request.upload.onprogress = (e) => { if (e.lengthComputable) bar.value = Math.round(100 * e.loaded / e.total); };
    request.onload = () => {
      const body = JSON.parse(request.responseText);
      if (request.status === 200) {
        bar.value = 100;
        state.textContent = "On file";
        state.className = "state done";
        if (body.data.scan_complete) document.getElementById("complete").hidden = false;
      } else {
        bar.value = 0;
        state.textContent = body.error.message;
        state.className = "state error";
      }
    };
    request.onerror = () => { state.textContent = "The upload failed. Please try again."; state.className = "state error"; };
    state.textContent = "Uploading…";
    state.className = "state";
    request.send(data);
  });
});
