// The events bubble to the document: one listener, no framework.
document.addEventListener('kineret:dose', (e) => {
  document.getElementById('last-dose').textContent = `The page received kineret:dose: ${e.detail.instructions}`;
});
