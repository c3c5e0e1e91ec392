// Copy buttons: a button with data-copy="<selector>" puts that element's text on the clipboard.
// Without script, or without a clipboard (an insecure origin), the text is selectable by hand.

for (const button of document.querySelectorAll("button[data-copy]")) {
  const source = document.querySelector(button.dataset.copy);
  if (!source || !navigator.clipboard) continue;
  const label = button.textContent;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.textContent.trim());
      button.textContent = "Copied";
    } catch {
      getSelection().selectAllChildren(source);
      button.textContent = "Select and copy by hand";
    }
    setTimeout(() => (button.textContent = label), 4000);
  });
}
