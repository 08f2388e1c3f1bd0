"""Memberships and invitations move here from the members app (members is below sites in the layers). State only:
the tables keep their names (members_membership, members_invitation, db_table), so no row is copied or lost."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('members', '0003_meeting_history_budget_and_targets'),
        ('sites', '0003_meeting_cycle_series_agenda_record_experts'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Invitation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email', models.EmailField(max_length=254)),
                        ('role', models.CharField(choices=[('member', 'Member'), ('facilitator', 'Facilitator'), ('programme_admin', 'Programme admin'), ('knowledge_broker', 'Knowledge broker'), ('commissioner', 'Commissioner')], max_length=20)),
                        ('token_hash', models.CharField(editable=False, max_length=64, unique=True)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('expires_at', models.DateTimeField()),
                        ('accepted_at', models.DateTimeField(blank=True, null=True)),
                        ('revoked_at', models.DateTimeField(blank=True, null=True)),
                        ('accepted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('invited_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('site', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='sites.site')),
                    ],
                    options={
                        'db_table': 'members_invitation',
                        'ordering': ['-created_at'],
                        'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('role__in', ['member', 'facilitator']), ('site__isnull', False)), models.Q(('role__in', ['programme_admin', 'knowledge_broker', 'commissioner']), ('site__isnull', True)), _connector='OR'), name='invitation_site_matches_role')],
                    },
                ),
                migrations.CreateModel(
                    name='Membership',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('role', models.CharField(choices=[('member', 'Member'), ('facilitator', 'Facilitator')], default='member', max_length=16)),
                        ('joined', models.DateField(default=django.utils.timezone.localdate)),
                        ('left', models.DateField(blank=True, null=True)),
                        ('left_reason', models.CharField(blank=True, max_length=300)),
                        ('ground_rules_agreed_on', models.DateField(blank=True, null=True)),
                        ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to=settings.AUTH_USER_MODEL)),
                        ('site', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='memberships', to='sites.site')),
                    ],
                    options={
                        'db_table': 'members_membership',
                        'ordering': ['site', 'person__name'],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('left__isnull', True)), fields=('site', 'person'), name='membership_one_open_per_site_person'), models.CheckConstraint(condition=models.Q(('left__isnull', True), ('left__gte', models.F('joined')), _connector='OR'), name='membership_left_not_before_joined')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
