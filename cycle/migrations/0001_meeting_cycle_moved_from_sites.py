"""The meeting cycle (agendas, the meeting record, actions and their reminders) moves here from the sites app: it
reads cases, and cases read sites, so it sits above both. State only: the tables keep their names (sites_agendaitem,
sites_meetingrecord, ...; db_table), so no row is copied or lost."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('cases', '0007_search_documents_stored_inline'),
        ('sites', '0005_memberships_content_types'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='AgendaItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveIntegerField()),
                        ('kind', models.CharField(choices=[('case', 'Case to present'), ('follow_up', 'Follow-up'), ('evidence', 'Evidence found'), ('question', 'Question waiting for a broker'), ('standing', 'Standing item'), ('other', 'Other item')], max_length=16)),
                        ('title', models.CharField(max_length=200)),
                        ('source_key', models.CharField(blank=True, max_length=80)),
                        ('removed', models.BooleanField(default=False)),
                        ('case', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='cases.case')),
                        ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='agenda_items', to='sites.meeting')),
                    ],
                    options={
                        'db_table': 'sites_agendaitem',
                        'ordering': ['meeting', 'position', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='AgendaPublication',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('published_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('meeting', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='agenda_publication', to='sites.meeting')),
                        ('published_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'sites_agendapublication',
                    },
                ),
                migrations.CreateModel(
                    name='MeetingRecord',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('approved', 'Approved')], default='draft', max_length=12)),
                        ('version', models.PositiveIntegerField(default=1)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('meeting', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='record', to='sites.meeting')),
                    ],
                    options={
                        'db_table': 'sites_meetingrecord',
                    },
                ),
                migrations.CreateModel(
                    name='RecordAction',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.TextField()),
                        ('owner_agency', models.CharField(blank=True, max_length=200)),
                        ('due_on', models.DateField(blank=True, help_text='Empty: due by the next meeting.', null=True)),
                        ('status', models.CharField(choices=[('open', 'Open'), ('done', 'Done')], default='open', max_length=8)),
                        ('done_note', models.TextField(blank=True)),
                        ('done_at', models.DateTimeField(blank=True, null=True)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('owner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='meeting_actions', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'sites_recordaction',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='ActionReminder',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sent_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('action', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='reminder', to='cycle.recordaction')),
                    ],
                    options={
                        'db_table': 'sites_actionreminder',
                    },
                ),
                migrations.CreateModel(
                    name='RecordEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveIntegerField()),
                        ('discussion', models.TextField(blank=True)),
                        ('follow_ups', models.TextField(blank=True, verbose_name='Follow-ups reported')),
                        ('agenda_item', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='cycle.agendaitem')),
                        ('record', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='entries', to='cycle.meetingrecord')),
                    ],
                    options={
                        'db_table': 'sites_recordentry',
                        'ordering': ['record', 'position', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='RecordComment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.TextField()),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('entry', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='comments', to='cycle.recordentry')),
                    ],
                    options={
                        'db_table': 'sites_recordcomment',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.AddField(
                    model_name='recordaction',
                    name='entry',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='actions', to='cycle.recordentry'),
                ),
                migrations.CreateModel(
                    name='RecordVersion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveIntegerField()),
                        ('content', models.JSONField()),
                        ('approved_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('approved_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('record', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='versions', to='cycle.meetingrecord')),
                    ],
                    options={
                        'db_table': 'sites_recordversion',
                        'ordering': ['record', 'number'],
                    },
                ),
                migrations.CreateModel(
                    name='RecordDelivery',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sent_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('version', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='cycle.recordversion')),
                    ],
                    options={
                        'db_table': 'sites_recorddelivery',
                    },
                ),
                migrations.CreateModel(
                    name='AgendaDelivery',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sent_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('meeting', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='agenda_deliveries', to='sites.meeting')),
                        ('person', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'sites_agendadelivery',
                        'constraints': [models.UniqueConstraint(fields=('meeting', 'person'), name='agenda_delivery_once')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='agendaitem',
                    constraint=models.UniqueConstraint(condition=models.Q(('source_key', ''), _negated=True), fields=('meeting', 'source_key'), name='agenda_item_once_per_source'),
                ),
                migrations.AddIndex(
                    model_name='recordaction',
                    index=models.Index(fields=['owner', 'status'], name='sites_recor_owner_i_a84315_idx'),
                ),
                migrations.AddConstraint(
                    model_name='recordaction',
                    constraint=models.CheckConstraint(condition=models.Q(('owner__isnull', False), models.Q(('owner_agency', ''), _negated=True), _connector='OR'), name='record_action_has_owner'),
                ),
                migrations.AddConstraint(
                    model_name='recordversion',
                    constraint=models.UniqueConstraint(fields=('record', 'number'), name='record_version_unique_number'),
                ),
                migrations.AddConstraint(
                    model_name='recorddelivery',
                    constraint=models.UniqueConstraint(fields=('version', 'person'), name='record_delivery_once'),
                ),
            ],
            database_operations=[],
        ),
    ]
