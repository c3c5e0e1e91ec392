// A highlight's note in a popover next to it, from a click or Enter on the mark: the note as
// the list renders it, and for its owner colour, edit (note, tags, visibility), delete; copy
// link for everyone. Escape or a click elsewhere closes it and focus goes back to the mark.

import { announce, recolor, remove, showError } from "./annotate.js";

const COLORS = ["yellow", "green", "blue", "pink", "purple"];
let popover = null;
let opener = null;

function element(tag, props = {}, children = []) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

function button(label, props = {}) {
  return element("button", { type: "button", textContent: label, ...props });
}

/** The list entry for this annotation, from the page or (when its page of the list is not shown) the server. */
async function itemFor(id) {
  const shown = document.querySelector(`.annotations .annotation-item[data-annotation-id="${CSS.escape(id)}"]`);
  if (shown) return shown.cloneNode(true);
  const response = await fetch(`${location.pathname}?handler=Item&id=${encodeURIComponent(id)}`);
  if (!response.ok) throw new Error(`The annotation could not be loaded (${response.status}).`);
  return new DOMParser().parseFromString(`<ol>${await response.text()}</ol>`, "text/html").querySelector(".annotation-item");
}

export function closePopover({ restoreFocus = true } = {}) {
  if (!popover) return;
  popover.remove();
  popover = null;
  if (restoreFocus && opener?.isConnected) opener.focus({ preventScroll: true });
  opener = null;
}

// On a phone the popover is a sheet at the bottom of the screen (see site.css), not beside the mark.
const sheet = window.matchMedia("(max-width: 40rem)");

function place(mark) {
  popover.classList.toggle("as-sheet", sheet.matches);
  if (sheet.matches) {
    popover.style.top = popover.style.left = "";
    return;
  }
  const rect = mark.getBoundingClientRect();
  const gap = 8;
  const w = popover.offsetWidth;
  const h = popover.offsetHeight;
  let top = rect.bottom + gap;
  if (top + h > window.innerHeight - gap && rect.top - h - gap >= gap) top = rect.top - h - gap;
  top = Math.max(gap, Math.min(top, window.innerHeight - h - gap));
  const left = Math.min(Math.max(gap, rect.left), Math.max(gap, window.innerWidth - w - gap));
  popover.style.top = `${window.scrollY + top}px`;
  popover.style.left = `${window.scrollX + left}px`;
}

export async function openPopover(mark) {
  const id = mark.dataset.annotationId;
  closePopover({ restoreFocus: false });
  let item;
  try {
    item = await itemFor(id);
  } catch (e) {
    return showError(e.message);
  }
  mark.tabIndex = -1;
  opener = mark;
  const headingId = `popover-title-${id}`;
  const mine = item.querySelector(".edit-link") !== null;
  item.querySelector(".annotation-quote")?.removeAttribute("href");
  item.querySelector(".reattach-selection")?.remove();
  const content = element("div", { className: "popover-item" }, [...item.childNodes]);
  content.querySelector(".edit-link")?.remove();

  const actions = element("div", { className: "popover-actions" });
  if (mine) {
    const swatches = element("div", { className: "popover-colors", role: "group" });
    swatches.setAttribute("aria-label", "Colour");
    for (const color of COLORS) {
      const swatch = button("", { className: `swatch hl-${color}`, title: color });
      swatch.setAttribute("aria-label", color);
      swatch.setAttribute("aria-pressed", item.classList.contains(`hl-border-${color}`) ? "true" : "false");
      swatch.addEventListener("click", async () => {
        try {
          await recolor(id, color);
          closePopover({ restoreFocus: false });
          announce(`Colour changed to ${color}.`);
          focusMark(id);
        } catch (e) {
          showError(e.message);
        }
      });
      swatches.append(swatch);
    }
    actions.append(swatches);
    const editLink = item.querySelector(".edit-link") ?? element("a", { href: `${location.pathname}/annotations/${id}/edit` });
    const editButton = button("Edit note and tags", { className: "secondary" });
    editButton.addEventListener("click", async () => {
      const response = await fetch(editLink.href ?? `${location.pathname}/annotations/${id}/edit`);
      if (!response.ok) return showError(`The editor could not be loaded (${response.status}).`);
      const editor = new DOMParser().parseFromString(await response.text(), "text/html").querySelector(".annotation-editor");
      editor.querySelector("form[action*='handler=Delete']")?.remove(); // the popover has its own Delete
      editor.querySelector(".reattach-form")?.remove();
      // Above the actions, so Delete stays at the end of its row, away from the fields.
      editButton.remove();
      actions.before(editor);
      editor.querySelector("textarea")?.focus();
      place(mark);
    });
    const deleteButton = button("Delete", { className: "danger" });
    deleteButton.addEventListener("click", async () => {
      closePopover({ restoreFocus: false });
      try {
        await remove(id);
        document.querySelector(".toast-action")?.focus();
      } catch (e) {
        showError(e.message);
      }
    });
    actions.append(editButton, deleteButton);
  }
  const copy = button("Copy link", { className: "secondary" });
  copy.addEventListener("click", async () => {
    const link = `${location.origin}${location.pathname}#annotation-${id}`;
    try {
      await navigator.clipboard.writeText(link);
      copy.textContent = "Link copied";
      announce("Link copied.");
    } catch {
      // No clipboard (an insecure origin): show the link, selected, to copy by hand.
      const field = element("input", { value: link, readOnly: true, className: "copy-field" });
      field.setAttribute("aria-label", "Link to this highlight");
      copy.replaceWith(field);
      field.select();
    }
  });
  const close = button("Close", { className: "secondary" });
  close.addEventListener("click", () => closePopover());
  actions.append(copy, close);

  popover = element("div", { className: "annotation-popover", tabIndex: -1 }, [
    element("h2", { id: headingId, className: "visually-hidden", textContent: "Highlight" }),
    content,
    actions,
  ]);
  popover.setAttribute("role", "dialog");
  popover.setAttribute("aria-labelledby", headingId);
  popover.dataset.annotationId = id;
  document.body.append(popover);
  place(mark);
  popover.focus({ preventScroll: true });
}

function focusMark(id) {
  const mark = document.querySelector(`.reader-body mark[id="annotation-${CSS.escape(id)}"]`);
  if (!mark) return;
  mark.tabIndex = -1;
  mark.focus({ preventScroll: true });
}

const focusable = () =>
  [...popover.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, [tabindex='0']")].filter((e) => !e.disabled && e.offsetParent !== null);

document.addEventListener("keydown", (event) => {
  if (!popover) return;
  if (event.key === "Escape") {
    event.preventDefault();
    closePopover();
  } else if (event.key === "Tab") {
    // The popover holds focus until it is closed (Escape or Close).
    const all = focusable();
    if (all.length === 0) return;
    const at = all.indexOf(document.activeElement);
    const next = event.shiftKey ? (at <= 0 ? all.length - 1 : at - 1) : (at < 0 || at === all.length - 1 ? 0 : at + 1);
    event.preventDefault();
    all[next].focus();
  }
});
document.addEventListener("pointerdown", (event) => {
  if (popover && !popover.contains(event.target) && !event.target.closest?.(".toast")) closePopover({ restoreFocus: false });
});
document.addEventListener("annotations-changed", () => {
  if (popover && !document.querySelector(`.reader-body mark[data-annotation-id="${CSS.escape(popover.dataset.annotationId)}"]`)) closePopover({ restoreFocus: false });
});
