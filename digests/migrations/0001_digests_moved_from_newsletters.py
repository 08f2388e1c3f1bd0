"""Commissioner digests, their subscriptions and commissioners' responses move here from the newsletters app, which
never used them. State only: the tables keep their names (newsletters_digest, ...; db_table), so no row is copied."""

import digests.models
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('cases', '0007_search_documents_stored_inline'),
        ('newsletters', '0002_commissioner_digests'),
        ('sites', '0005_memberships_content_types'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='DigestSubscription',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('is_active', models.BooleanField(default=True)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('person', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='digest_subscription', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'newsletters_digestsubscription',
                    },
                ),
                migrations.CreateModel(
                    name='CommissionerResponse',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.TextField(verbose_name='Response')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('case', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='commissioner_responses', to='cases.case')),
                        ('responder', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='commissioner_responses', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'newsletters_commissionerresponse',
                        'ordering': ['created_at', 'pk'],
                        'indexes': [models.Index(fields=['case', 'created_at'], name='newsletters_case_id_6de763_idx')],
                    },
                ),
                migrations.CreateModel(
                    name='Digest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('period_start', models.DateField()),
                        ('period_end', models.DateField()),
                        ('sites_key', models.CharField(default='all', max_length=1000)),
                        ('status', models.CharField(choices=[('queued', 'Queued'), ('rendering', 'Being prepared'), ('ready', 'Ready'), ('failed', 'Failed')], default='queued', max_length=12)),
                        ('failure_reason', models.TextField(blank=True)),
                        ('file', models.FileField(blank=True, upload_to=digests.models.digest_file_name)),
                        ('pages', models.PositiveIntegerField(blank=True, null=True)),
                        ('withheld', models.PositiveIntegerField(default=0, help_text='Texts left out because they may hold personal data.')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('started_at', models.DateTimeField(blank=True, null=True)),
                        ('finished_at', models.DateTimeField(blank=True, null=True)),
                        ('notified_at', models.DateTimeField(blank=True, null=True)),
                        ('requested_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='digests_requested', to=settings.AUTH_USER_MODEL)),
                        ('sites', models.ManyToManyField(blank=True, related_name='+', to='sites.site')),
                        ('subscription', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='digests', to='digests.digestsubscription')),
                    ],
                    options={
                        'db_table': 'newsletters_digest',
                        'ordering': ['-created_at', '-pk'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('period_end__gte', models.F('period_start'))), name='digest_period_in_order'), models.UniqueConstraint(condition=models.Q(('status__in', ['queued', 'rendering']), ('subscription__isnull', True)), fields=('requested_by', 'period_start', 'period_end', 'sites_key'), name='one_pending_digest_per_request'), models.UniqueConstraint(condition=models.Q(('subscription__isnull', False)), fields=('subscription', 'period_start'), name='one_digest_per_subscription_and_quarter')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
