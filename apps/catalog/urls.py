from django.urls import path

from . import views

app_name = "catalog"

urlpatterns = [
    path("platforms/", views.platform_list, name="list"),
    path("platforms/<slug:slug>.json", views.platform_export, name="detail_json"),
    path("platforms/<slug:slug>/", views.platform_detail, name="detail"),
    path("compare/", views.compare_index, name="compare_index"),
    path("compare/<slug:topic>/", views.compare_topic, name="compare"),
    path("catalog.json", views.catalog_export, name="json"),
]
