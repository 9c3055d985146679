"""URLs of the reports app (included under /reports/)."""

urlpatterns = []
