// The reader's script. Everything here is an enhancement: reading, the annotation list, editing
// and deleting all work without it. Selections become W3C selectors on the article's canonical
// text: the blocks' text joined by blank lines, with offsets counted in code points (the
// browser counts UTF-16 units, so we convert here, at the edge). Writes go through the JSON API
// and update the page in place (annotate.js); a click on a highlight opens it (popover.js).

import { announce, create, edit, formOptions, hideToast, refresh, remove, send, showError } from "./annotate.js";
import { openPopover, closePopover } from "./popover.js";
import "./panel.js";

const article = document.querySelector(".reader");
const body = () => document.querySelector(".reader-body");
const toolbar = document.querySelector(".selection-toolbar");
const dialog = document.querySelector(".note-dialog");
const CONTEXT = 32;

const blocks = () => [...body().querySelectorAll("[data-start]")];
const canonicalText = () => blocks().map((b) => b.textContent).join("\n\n");
const codePointLength = (s) => [...s].length;
const typing = (target) => target instanceof Element && target.closest("input, textarea, select, [contenteditable], dialog") !== null;

// UTF-16 offset of a DOM point inside the canonical text.
function offsetOf(node, offset) {
  let total = 0;
  for (const block of blocks()) {
    if (block === node || block.contains(node)) {
      const range = document.createRange();
      range.selectNodeContents(block);
      range.setEnd(node, offset);
      return total + range.toString().length;
    }
    total += block.textContent.length + 2;
  }
  return null;
}

function clampToBody(range) {
  const start = body().contains(range.startContainer) ? offsetOf(range.startContainer, range.startOffset) : 0;
  const end = body().contains(range.endContainer) ? offsetOf(range.endContainer, range.endOffset) : canonicalText().length;
  return start === null || end === null ? null : { start, end };
}

// The W3C selectors for the current selection, or null when nothing of the article is selected.
function currentSelectors() {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!body().contains(range.commonAncestorContainer) && !range.intersectsNode(body())) return null;
  const span = clampToBody(range);
  if (!span || span.end <= span.start) return null;
  const text = canonicalText();
  const exact = text.slice(span.start, span.end);
  if (!exact.trim()) return null;
  const before = [...text.slice(0, span.start)];
  const after = [...text.slice(span.end)];
  const start = before.length;
  return {
    quote: { type: "TextQuoteSelector", exact, prefix: before.slice(-CONTEXT).join(""), suffix: after.slice(0, CONTEXT).join("") },
    position: { type: "TextPositionSelector", start, end: start + codePointLength(exact) },
  };
}

// ---- highlighting ----

/** Highlights, then shows the new marks (and flashes them) without moving the page. */
async function highlight(selectors, options) {
  const id = await create(selectors, options);
  window.getSelection()?.removeAllRanges();
  flash(id, { scroll: false });
  focusHighlight(id);
  announce("Highlighted. Press Enter to open it.");
  return id;
}

function flash(id, { scroll = true } = {}) {
  const marks = document.querySelectorAll(`mark[data-annotation-id="${CSS.escape(id)}"]`);
  marks.forEach((m) => {
    m.classList.remove("flash");
    void m.offsetWidth; // restart the animation
    m.classList.add("flash");
  });
  if (scroll) marks[0]?.scrollIntoView({ block: "center" });
  document.querySelectorAll(".annotation-item.current").forEach((i) => i.classList.remove("current"));
  const item = document.querySelector(`.annotation-item[data-annotation-id="${CSS.escape(id)}"]`);
  item?.classList.add("current");
  if (scroll && marks.length === 0) item?.scrollIntoView({ block: "center" }); // an orphan: only its entry
}

/** Puts focus on a highlight's first mark, so the keyboard carries on from it (Enter opens it). */
function focusHighlight(id) {
  const mark = document.querySelector(`.reader-body mark[id="annotation-${CSS.escape(id)}"]`);
  if (!mark) return;
  mark.tabIndex = -1;
  mark.focus({ preventScroll: true });
}

function flashFromHash() {
  const match = /^#annotation-([0-9a-f-]{36})$/i.exec(location.hash);
  if (match) flash(match[1]);
}

// ---- the selection toolbar ----

let pending = null; // the selection the toolbar acts on
let noteTarget = null; // the selection the note dialog will save
let dismissed = null; // the selection Escape closed the toolbar on
let lastPointer = "mouse";
const key = (s) => s && `${s.position.start}:${s.position.end}`;
const buttons = () => [...toolbar.querySelectorAll("button")];
const toolbarHasFocus = () => toolbar.contains(document.activeElement);

function hideToolbar() {
  if (toolbar.hidden) return;
  const hadFocus = toolbarHasFocus();
  toolbar.hidden = true;
  if (hadFocus) body().focus?.();
}

// Above the selection when there is room, else below it; on a touch screen below it, clear of
// the handles and the phone's own menu (which sits above); always inside the viewport.
function placeToolbar(range) {
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
  const first = rects[0] ?? range.getBoundingClientRect();
  const last = rects[rects.length - 1] ?? first;
  const viewport = window.visualViewport;
  const width = viewport?.width ?? window.innerWidth;
  const height = viewport?.height ?? window.innerHeight;
  const offsetX = viewport?.offsetLeft ?? 0;
  const offsetY = viewport?.offsetTop ?? 0;
  const w = toolbar.offsetWidth;
  const h = toolbar.offsetHeight;
  const gap = 8;
  const touch = lastPointer === "touch" || window.matchMedia("(pointer: coarse)").matches;
  const above = first.top - offsetY - h - gap;
  const below = last.bottom - offsetY + (touch ? 28 : gap);
  let top = !touch && above >= gap ? above : below;
  if (top + h > height - gap) top = above >= gap ? above : height - h - gap;
  top = Math.max(gap, top);
  const centre = (touch ? last.left + last.width / 2 : first.left + first.width / 2) - offsetX;
  const left = Math.min(Math.max(gap, centre - w / 2), Math.max(gap, width - w - gap));
  toolbar.style.top = `${window.scrollY + offsetY + top}px`;
  toolbar.style.left = `${window.scrollX + offsetX + left}px`;
}

function updateToolbar() {
  if (dialog.open || toolbarHasFocus()) return;
  const selectors = currentSelectors();
  document.querySelectorAll(".reattach-selection").forEach((b) => (b.hidden = !selectors));
  if (!selectors || key(selectors) === dismissed) {
    if (!selectors) dismissed = null;
    return hideToolbar();
  }
  pending = selectors;
  const wasHidden = toolbar.hidden;
  toolbar.hidden = false;
  placeToolbar(window.getSelection().getRangeAt(0));
  if (wasHidden) announce("Highlight toolbar open: press Tab to reach it, Escape to close it.");
}

function toolbarAction(button) {
  const selectors = pending;
  if (!selectors) return;
  hideToolbar();
  if (button.dataset.action === "note") return openNoteDialog(selectors);
  highlight(selectors, { color: button.dataset.color }).catch((e) => showError(e.message));
}

// ---- selecting with the keyboard ----
// `s` selects the first sentence of the focused paragraph (or of the first one on screen), and
// puts focus on that paragraph; Shift+Right/Left then grow or shrink the selection by a word,
// Shift+Down/Up by a sentence. The toolbar follows as for any selection.

function paragraphInView() {
  const focused = document.activeElement?.closest?.(".reader-body [data-start]");
  if (focused) return focused;
  return blocks().find((b) => b.getBoundingClientRect().bottom > 0 && b.textContent.trim()) ?? blocks()[0];
}

// Sentences of a block as [start, end) offsets: an end is . ! or ? (and closing quotes) before a
// space and a capital, unless the word before is an abbreviation such as "U.S." or "Mr.".
const ABBREVIATION = /(?:^|\s)(?:(?:[A-Za-z]\.)+[A-Za-z]?|Mr|Mrs|Ms|Dr|St|Prof|Gen|Sen|Rep|Gov|Jr|Sr|No|Nos|vs|etc|Inc|Ltd|Co|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$/;
function sentences(text) {
  const spans = [];
  let start = text.search(/\S/);
  if (start < 0) return spans;
  const ends = /[.!?]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\d])/gu;
  for (let m = ends.exec(text); m; m = ends.exec(text)) {
    const end = m.index + m[0].length;
    if (ABBREVIATION.test(text.slice(Math.max(start, m.index - 12), m.index + 1))) continue;
    spans.push([start, end]);
    start = text.slice(end).search(/\S/) + end;
  }
  const last = text.trimEnd().length;
  if (start < last) spans.push([start, last]);
  return spans;
}

// A DOM point for a text offset inside a block, and back.
function pointAt(block, offset) {
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let node = walker.nextNode();
  for (; node; node = walker.nextNode()) {
    if (offset <= node.length) return [node, offset];
    offset -= node.length;
  }
  return [block, block.childNodes.length];
}
function offsetIn(block, node, offset) {
  const range = document.createRange();
  range.selectNodeContents(block);
  range.setEnd(node, offset);
  return range.toString().length;
}

function selectSpan(startBlock, start, endBlock, end) {
  const range = document.createRange();
  range.setStart(...pointAt(startBlock, start));
  range.setEnd(...pointAt(endBlock, end));
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

function selectSentence() {
  const block = paragraphInView();
  if (!block) return;
  const selection = window.getSelection();
  const current = selection.rangeCount && !selection.isCollapsed ? selection.getRangeAt(0) : null;
  // Pressing s again moves on to the next sentence of the paragraph.
  const after = current && block.contains(current.endContainer) ? offsetIn(block, current.endContainer, current.endOffset) : -1;
  const spans = sentences(block.textContent);
  const span = spans.find(([start]) => start >= after) ?? spans[0];
  if (!span) return;
  block.tabIndex = -1;
  block.focus({ preventScroll: true });
  selectSpan(block, span[0], block, span[1]);
  announce(`Selected: ${selection.toString().slice(0, 120)}. Shift and arrows change it; Tab reaches the highlight toolbar.`);
}

/** Moves the selection's end by a sentence: forward into the next paragraph when this one ends. */
function extendBySentence(forward) {
  const range = window.getSelection().getRangeAt(0);
  const all = blocks();
  const endBlock = all.find((b) => b.contains(range.endContainer));
  const startBlock = all.find((b) => b.contains(range.startContainer));
  if (!endBlock || !startBlock) return;
  const at = offsetIn(endBlock, range.endContainer, range.endOffset);
  const ends = sentences(endBlock.textContent).map(([, end]) => end);
  if (forward) {
    const next = ends.find((end) => end > at);
    if (next !== undefined) return selectSpan(startBlock, offsetIn(startBlock, range.startContainer, range.startOffset), endBlock, next);
    const following = all[all.indexOf(endBlock) + 1];
    const first = following && sentences(following.textContent)[0];
    if (first) selectSpan(startBlock, offsetIn(startBlock, range.startContainer, range.startOffset), following, first[1]);
  } else {
    const floor = endBlock === startBlock ? offsetIn(startBlock, range.startContainer, range.startOffset) : 0;
    const previous = ends.filter((end) => end < at && end > floor).pop();
    if (previous !== undefined) selectSpan(startBlock, offsetIn(startBlock, range.startContainer, range.startOffset), endBlock, previous);
  }
}

function extendSelection(key) {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || !body().contains(selection.anchorNode)) return false;
  if (key === "ArrowDown" || key === "ArrowUp") {
    extendBySentence(key === "ArrowDown");
    return true;
  }
  const direction = { ArrowRight: "forward", ArrowLeft: "backward" }[key];
  if (!direction) return false;
  selection.modify("extend", direction, "word");
  return true;
}

function openNoteDialog(selectors) {
  noteTarget = selectors;
  dialog.querySelector(".note-quote").textContent = selectors.quote.exact;
  dialog.querySelector(".dialog-error").textContent = "";
  dialog.querySelector("form").reset();
  dialog.showModal();
  dialog.querySelector("textarea").focus();
}

if (toolbar && article.dataset.signedIn === "true") {
  let timer = null;
  // Mouse, keyboard and touch selections all end in selectionchange; debounced, as handles drag.
  document.addEventListener("selectionchange", () => {
    clearTimeout(timer);
    timer = setTimeout(updateToolbar, 150);
  });
  document.addEventListener("pointerdown", (event) => (lastPointer = event.pointerType || "mouse"));
  document.addEventListener("pointerup", (event) => {
    lastPointer = event.pointerType || "mouse";
    if (!toolbar.contains(event.target)) setTimeout(updateToolbar, 0);
  });
  window.addEventListener("resize", () => !toolbar.hidden && updateToolbar());
  toolbar.addEventListener("pointerdown", (event) => event.preventDefault()); // keep the selection
  toolbar.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (button) toolbarAction(button);
  });
  // A toolbar is one tab stop; arrow keys move inside it.
  toolbar.addEventListener("keydown", (event) => {
    const all = buttons();
    const at = all.indexOf(document.activeElement);
    const move = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
    if (move) {
      event.preventDefault();
      all[(at + move + all.length) % all.length].focus();
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      all[event.key === "Home" ? 0 : all.length - 1].focus();
    }
  });
  buttons()[0].tabIndex = 0;

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape" && !toolbar.hidden) {
      event.preventDefault();
      dismissed = key(pending);
      hideToolbar();
      return;
    }
    if (event.key === "Tab" && !event.shiftKey && !toolbar.hidden && !toolbarHasFocus() && !typing(event.target)) {
      event.preventDefault();
      buttons()[0].focus();
      return;
    }
    if (typing(event.target) || event.target.closest?.(".annotation-popover")) return;
    if (event.key === "s" && !event.shiftKey) {
      event.preventDefault();
      return selectSentence();
    }
    if (event.shiftKey && extendSelection(event.key)) {
      event.preventDefault();
      return;
    }
    if (event.key !== "h") return;
    const selectors = currentSelectors();
    if (!selectors) return;
    event.preventDefault();
    hideToolbar();
    highlight(selectors, { color: "yellow" }).catch((e) => showError(e.message));
  });

  dialog.querySelector("[data-action=cancel]").addEventListener("click", () => dialog.close());
  dialog.querySelector("form").addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const id = await highlight(noteTarget, formOptions(event.target));
      dialog.close();
      focusHighlight(id); // closing gave focus back to the toolbar's button, hidden by now
    } catch (e) {
      dialog.querySelector(".dialog-error").textContent = e.message;
    }
  });

  // Pressing "Re-attach" must not end the selection it acts on.
  document.addEventListener("pointerdown", (event) => {
    if (event.target.closest(".reattach-selection")) event.preventDefault();
  });
  document.addEventListener("annotations-changed", () => {
    const live = currentSelectors() !== null;
    document.querySelectorAll(".reattach-selection").forEach((b) => (b.hidden = !live));
  });
  document.addEventListener("click", async (event) => {
    const button = event.target.closest(".reattach-selection");
    if (!button) return;
    const selectors = currentSelectors();
    if (!selectors) return showError("Select the new text in the article first.");
    try {
      // Keep the note, tags, colour and visibility: change only the target's selectors.
      const url = `/api/annotations/${button.dataset.annotationId}`;
      const { json, etag } = await send("GET", url);
      json.target.selector = [selectors.quote, selectors.position];
      await send("PUT", url, json, etag ? { "If-Match": etag } : {});
      await refresh();
      flash(button.dataset.annotationId);
    } catch (e) {
      showError(e.message);
    }
  });

  // Edit in place: load the annotation's editor into its entry in the list (or the popover).
  document.addEventListener("click", async (event) => {
    const link = event.target.closest(".annotation-item .edit-link");
    if (!link) return;
    event.preventDefault();
    const item = link.closest(".annotation-item");
    const open = item.querySelector(".annotation-editor");
    if (open) {
      open.remove();
      link.setAttribute("aria-expanded", "false");
      return;
    }
    const response = await fetch(link.href);
    if (!response.ok) return showError(`The editor could not be loaded (${response.status}).`);
    const editor = new DOMParser().parseFromString(await response.text(), "text/html").querySelector(".annotation-editor");
    link.after(editor);
    link.setAttribute("aria-expanded", "true");
    editor.querySelector("textarea, input:not([type=hidden])")?.focus();
  });

  // The editor's forms work without script (they post to the page); with it they use the API.
  document.addEventListener("submit", async (event) => {
    const form = event.target;
    const editor = form.closest(".annotation-editor");
    if (!editor) return;
    event.preventDefault();
    const id = editor.dataset.annotationId;
    const handler = new URL(form.action, location.href).searchParams.get("handler");
    try {
      if (handler === "Delete") {
        closePopover();
        await remove(id);
      } else if (handler === "Reattach") {
        const exact = form.querySelector("[name='Form.Quote']").value.trim();
        const url = `/api/annotations/${id}`;
        const { json, etag } = await send("GET", url);
        json.target.selector = [{ type: "TextQuoteSelector", exact }];
        await send("PUT", url, json, etag ? { "If-Match": etag } : {});
        closePopover();
        await refresh();
        flash(id);
      } else {
        await edit(id, formOptions(form));
        closePopover();
        flash(id, { scroll: false });
        focusHighlight(id); // the marks were swapped for fresh ones: focus the new first mark
        announce("Saved.");
      }
    } catch (e) {
      showError(e.message);
    }
  });
}

// ---- moving between highlights and opening them ----

function highlightStarts() {
  return [...body().querySelectorAll("mark[id^='annotation-']")];
}

function moveToHighlight(direction) {
  const starts = highlightStarts();
  if (starts.length === 0) return;
  const current = document.activeElement?.closest?.("mark[data-annotation-id]");
  let index;
  if (current) {
    const at = starts.findIndex((m) => m.dataset.annotationId === current.dataset.annotationId);
    index = at + direction;
  } else {
    // From where the reader is: the first highlight below the top of the screen, or the last above it.
    const below = starts.findIndex((m) => m.getBoundingClientRect().top > 0);
    index = direction > 0 ? (below < 0 ? starts.length : below) : (below < 0 ? starts.length : below) - 1;
  }
  if (index < 0 || index >= starts.length) return announce(direction > 0 ? "No more highlights below." : "No more highlights above.");
  const mark = starts[index];
  mark.tabIndex = -1;
  mark.focus({ preventScroll: true });
  mark.scrollIntoView({ block: "center" });
  flash(mark.dataset.annotationId, { scroll: false });
  announce(`Highlight ${index + 1} of ${starts.length}: ${mark.textContent.slice(0, 80)}. Press Enter to open it.`);
}

document.addEventListener("keydown", (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
  if (event.key === "n" || event.key === "p") {
    if (document.querySelector(".shortcuts-dialog[open]")) return;
    event.preventDefault();
    moveToHighlight(event.key === "n" ? 1 : -1);
  } else if (event.key === "Enter") {
    const mark = event.target.closest?.(".reader-body mark[data-annotation-id]");
    if (!mark) return;
    event.preventDefault();
    openPopover(mark);
  }
});

document.addEventListener("click", (event) => {
  const mark = event.target.closest(".reader-body mark[data-annotation-id]");
  if (!mark || !window.getSelection()?.isCollapsed) return; // a click that ends a selection is not an open
  openPopover(mark);
});

// The reader's tools: one folded menu on a phone, so the story starts high; open on wider screens.
const tools = document.querySelector(".reader-tools");
if (tools) {
  const wide = window.matchMedia("(min-width: 48rem)");
  const fit = () => {
    tools.open = wide.matches;
    tools.classList.toggle("js-open", wide.matches);
  };
  fit();
  wide.addEventListener("change", fit);
}

document.addEventListener("annotation-flash", (event) => flash(event.detail));
window.addEventListener("hashchange", flashFromHash);
window.addEventListener("pagehide", hideToast);
flashFromHash();
