from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("settings/", views.settings_page, name="settings"),
    path(
        "settings/clear-letter-details/",
        views.clear_letter_details_view,
        name="clear_letter_details",
    ),
    path(
        "settings/rotate-calendar-link/",
        views.rotate_calendar_token_view,
        name="rotate_calendar_token",
    ),
    path("data/", views.data_page, name="data"),
    path("data/export/", views.export_download, name="export"),
    path("data/delete/", views.delete_account_page, name="delete"),
    path("deleted/", views.deleted_page, name="deleted"),
]
