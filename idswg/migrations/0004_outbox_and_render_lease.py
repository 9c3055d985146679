"""The outbox (when a queued message or render is handed to the broker again) and the render lease."""

from django.db import migrations, models
from django.db.models.functions import Now


def lapse_running_jobs(apps, schema_editor):
    """A job running before leases existed gets a lapsed one: the next sweep takes it over."""
    RenderJob = apps.get_model("idswg", "RenderJob")
    RenderJob.objects.filter(state="running").update(lease_expires_at=Now(), owner="before-leases")


def give_failed_messages_an_error(apps, schema_editor):
    SentMessage = apps.get_model("idswg", "SentMessage")
    SentMessage.objects.filter(state="failed", error="").update(error="Failed before errors were recorded.")


class Migration(migrations.Migration):
    dependencies = [
        ("idswg", "0003_user_language"),
    ]

    operations = [
        migrations.AddField(
            model_name="renderjob",
            name="lease_expires_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="lease expires at"),
        ),
        migrations.AddField(
            model_name="renderjob",
            name="next_attempt_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="next attempt"),
        ),
        migrations.AddField(
            model_name="renderjob",
            name="owner",
            field=models.CharField(blank=True, max_length=100, verbose_name="rendered by"),
        ),
        migrations.AddField(
            model_name="sentmessage",
            name="next_attempt_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="next attempt"),
        ),
        migrations.AddIndex(
            model_name="renderjob",
            index=models.Index(fields=["state", "next_attempt_at"], name="renderjob_due"),
        ),
        migrations.AddIndex(
            model_name="sentmessage",
            index=models.Index(fields=["state", "next_attempt_at"], name="sentmessage_due"),
        ),
        migrations.RunPython(lapse_running_jobs, migrations.RunPython.noop),
        migrations.RunPython(give_failed_messages_an_error, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="renderjob",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("state", "running"), _negated=True),
                    models.Q(("lease_expires_at__isnull", False), models.Q(("owner", ""), _negated=True)),
                    _connector="OR",
                ),
                name="renderjob_running_has_lease",
            ),
        ),
        migrations.AddConstraint(
            model_name="sentmessage",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("state", "failed"), _negated=True),
                    models.Q(("error", ""), _negated=True),
                    _connector="OR",
                ),
                name="sentmessage_failed_has_error",
            ),
        ),
    ]
