// Writes from the reader's script: every change goes through the JSON annotations API, then the
// server re-renders the article body and the annotation list (?handler=Fragments) and they are
// swapped in place, so marks, nesting and the list stay exactly what a reload would show.

const csrf = document.querySelector('meta[name="csrf-token"]')?.content;
const article = document.querySelector(".reader");
export const slug = article?.dataset.slug;

/** A request to the API; throws an Error with the problem's detail when it fails. */
export async function send(method, url, payload, headers = {}) {
  const response = await fetch(url, {
    method,
    headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": csrf ?? "", ...headers },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || problem.title || `The server answered ${response.status}.`);
  }
  return response.status === 204 ? null : { json: await response.json(), etag: response.headers.get("ETag") };
}

export const idOf = (annotation) => annotation.id.split("/").pop();

/** The W3C annotation for a new selection. */
export function annotationBody(selectors, { color = "yellow", note = "", tags = [], visibility = "private" } = {}) {
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "Annotation",
    body: bodies(note, tags),
    target: { source: `${location.origin}/articles/${slug}`, styleClass: color, selector: [selectors.quote, selectors.position] },
    visibility,
  };
}

function bodies(note, tags) {
  const list = [];
  if (note.trim()) list.push({ type: "TextualBody", value: note, format: "text/markdown", purpose: "commenting" });
  for (const tag of tags) list.push({ type: "TextualBody", value: tag, purpose: "tagging" });
  return list;
}

/** Note, tags, colour and visibility from an annotation form (the note dialog or an editor). */
export function formOptions(form) {
  const value = (name) => form.querySelector(`[name='Form.${name}']`)?.value ?? "";
  return {
    note: value("Note"),
    tags: value("Tags").split(",").map((t) => t.trim()).filter(Boolean),
    color: value("Color") || "yellow",
    visibility: value("Visibility").toLowerCase() || "private",
  };
}

export async function create(selectors, options) {
  const { json } = await send("POST", "/api/annotations", annotationBody(selectors, options));
  const id = idOf(json);
  await refresh();
  return id;
}

/**
 * Changes an annotation: <paramref name="change"/> gets the current W3C JSON and edits it. Sent
 * with If-Match, so a change made elsewhere meanwhile is refused rather than overwritten.
 */
export async function update(id, change) {
  const url = `/api/annotations/${id}`;
  const { json, etag } = await send("GET", url);
  change(json);
  await send("PUT", url, json, etag ? { "If-Match": etag } : {});
  await refresh();
}

/** Keeps where the annotation is; replaces note, tags, colour and visibility. */
export function edit(id, { note, tags, color, visibility }) {
  return update(id, (json) => {
    json.body = bodies(note, tags);
    json.target.styleClass = color;
    delete json.target.selector;
    json.visibility = visibility;
  });
}

export const recolor = (id, color) =>
  update(id, (json) => {
    json.target.styleClass = color;
    delete json.target.selector;
  });

/** Deletes, then offers "Deleted · Undo" for 10 seconds; Undo restores it with its id, note and tags. */
export async function remove(id) {
  await send("DELETE", `/api/annotations/${id}`);
  await refresh();
  toast("Deleted", "Undo", async () => {
    await send("POST", `/api/annotations/${id}/restore`);
    await refresh();
    announce("Annotation restored.");
    return id;
  });
}

// ---- fragments ----

/** A page handler's address on this page, keeping the list's filter (?show=mine). */
export function handlerUrl(handler, params = {}) {
  const query = new URLSearchParams({ handler, ...params });
  const show = new URLSearchParams(location.search).get("show");
  if (show) query.set("show", show);
  return `${location.pathname}?${query}`;
}

const shownCount = () => {
  const items = document.querySelectorAll(".annotation-lists > .annotation-list > .annotation-item").length;
  return Math.max(50, Math.ceil(items / 50) * 50);
};

/** Swaps in the server's article body and list, as a reload would render them. */
export async function refresh() {
  const response = await fetch(handlerUrl("Fragments", { shown: shownCount() }));
  if (!response.ok) throw new Error(`The page could not be updated (${response.status}).`);
  const doc = new DOMParser().parseFromString(await response.text(), "text/html");
  const body = doc.querySelector(".reader-body");
  const lists = doc.querySelector(".annotation-lists");
  document.querySelector(".reader-body").replaceChildren(...body.childNodes);
  document.querySelector(".annotations .annotation-lists").replaceChildren(...lists.childNodes);
  const count = lists.dataset.count;
  document.querySelectorAll("#annotations-heading .count").forEach((c) => (c.textContent = `(${count})`));
  document.querySelectorAll(".notes-toggle").forEach((c) => (c.textContent = `Notes (${count})`));
  document.dispatchEvent(new CustomEvent("annotations-changed"));
}

// ---- telling the reader ----

const status = document.querySelector("[data-reader-status]");

/** Says something to screen readers without moving focus. */
export function announce(message) {
  if (!status) return;
  status.textContent = "";
  setTimeout(() => (status.textContent = message), 50);
}

export function showError(message) {
  const errors = document.querySelector(".annotations .form-errors");
  errors.textContent = message;
  announce(message);
  if (!document.querySelector(".annotations.panel-open")) toast(message);
}

const toastBox = document.querySelector(".toast");
let toastTimer = null;

/** A message at the bottom of the screen for 10 seconds, with an optional action button. */
export function toast(message, actionLabel, action) {
  if (!toastBox) return;
  clearTimeout(toastTimer);
  const text = document.createElement("span");
  text.textContent = actionLabel ? `${message} · ` : message;
  toastBox.replaceChildren(text);
  if (actionLabel) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "toast-action";
    button.textContent = actionLabel;
    button.addEventListener("click", async () => {
      hideToast();
      try {
        await action();
      } catch (e) {
        showError(e.message);
      }
    });
    toastBox.append(button);
  }
  toastBox.hidden = false;
  toastTimer = setTimeout(hideToast, 10_000);
}

export function hideToast() {
  clearTimeout(toastTimer);
  if (toastBox) toastBox.hidden = true;
}
