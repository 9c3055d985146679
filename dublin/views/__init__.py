"""Pages of the Mini-Dublin Group app, by area: reports (outline and content), updates, history, regional."""
