from django.contrib import admin

from clinic import models

admin.site.register(models.Practice)
admin.site.register(models.OpeningHours)
admin.site.register(models.Closure)
admin.site.register(models.InsurancePlan)
admin.site.register(models.Price)
admin.site.register(models.Publication)
admin.site.register(models.Page)
admin.site.register(models.ContactMessage)
