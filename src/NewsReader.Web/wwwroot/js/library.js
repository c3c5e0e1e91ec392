// The article list's sidebar is a drawer on phones: rendered open (so it works without
// scripts), it folds away on a narrow screen until the reader opens it.

const drawer = document.querySelector(".library-sidebar[data-drawer]");
if (drawer && window.matchMedia("(max-width: 59.99rem)").matches) {
  drawer.open = false;
}
