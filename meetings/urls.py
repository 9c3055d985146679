"""URLs of the meetings app (included under /meetings/)."""

urlpatterns = []
