from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("apps.core.urls")),
    path("", include("apps.catalog.urls")),
    path("", include("apps.generator.urls")),
    path("", include("apps.tracker.urls")),
    path("", include("apps.reminders.urls")),
    path("", include("apps.watch.urls")),
    path("accounts/", include("allauth.urls")),
    path("account/", include("apps.accounts.urls")),
    path("admin/", admin.site.urls),
]
