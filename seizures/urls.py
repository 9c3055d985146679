"""URLs of the seizures app (included under /seizures/)."""

urlpatterns = []
