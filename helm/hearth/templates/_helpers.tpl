{{/* The release's base name, at most 63 characters. */}}
{{- define "hearth.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "hearth.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end -}}

{{/* Selector labels of a component (server, postgresql, inference, realm-import). */}}
{{- define "hearth.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "hearth.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "hearth.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "hearth.secretName" -}}
{{- default (include "hearth.fullname" .) .Values.secrets.existingSecret -}}
{{- end -}}

{{/* A secret value: the given one, else the one already in the cluster (secrets.reuseGenerated), else a new random one. */}}
{{- define "hearth.secretValue" -}}
{{- $existing := dict -}}
{{- if .root.Values.secrets.reuseGenerated -}}
{{- $existing = lookup "v1" "Secret" .root.Release.Namespace (include "hearth.fullname" .root) -}}
{{- end -}}
{{- if .value -}}
{{- .value -}}
{{- else if and $existing $existing.data (hasKey $existing.data .key) -}}
{{- index $existing.data .key | b64dec -}}
{{- else -}}
{{- randAlphaNum 40 -}}
{{- end -}}
{{- end -}}

{{/* The encryption key file: given, else the one generated before (looked up), else a new one. */}}
{{- define "hearth.encryptionKeys" -}}
{{- $existing := dict -}}
{{- if .Values.secrets.reuseGenerated -}}
{{- $existing = lookup "v1" "Secret" .Release.Namespace (include "hearth.fullname" .) -}}
{{- end -}}
{{- if .Values.secrets.encryptionKeys -}}
{{- .Values.secrets.encryptionKeys -}}
{{- else if and $existing $existing.data (hasKey $existing.data "encryption-keys") -}}
{{- index $existing.data "encryption-keys" | b64dec -}}
{{- else -}}
{{- printf "chart-1=%s\n" (randBytes 32) -}}
{{- end -}}
{{- end -}}

{{- define "hearth.postgresqlName" -}}
{{- printf "%s-postgresql" (include "hearth.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "hearth.inferenceName" -}}
{{- printf "%s-inference" (include "hearth.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* The JDBC URL Hearth uses. */}}
{{- define "hearth.databaseUrl" -}}
{{- if .Values.postgresql.bundled.enabled -}}
{{- printf "jdbc:postgresql://%s:5432/%s" (include "hearth.postgresqlName" .) .Values.postgresql.bundled.database -}}
{{- else -}}
{{- required "database.url is required (jdbc:postgresql://HOST:5432/DB), or set postgresql.bundled.enabled=true for a trial" .Values.database.url -}}
{{- end -}}
{{- end -}}

{{/* The Secret and key that hold the database password. */}}
{{- define "hearth.databaseSecretName" -}}
{{- if and .Values.database.existingSecret (not .Values.postgresql.bundled.enabled) -}}
{{- .Values.database.existingSecret -}}
{{- else -}}
{{- include "hearth.fullname" . -}}
{{- end -}}
{{- end -}}

{{/* Where the small model is served from, for model.provider openai. */}}
{{- define "hearth.modelBaseUrl" -}}
{{- if .Values.model.openai.baseUrl -}}
{{- .Values.model.openai.baseUrl -}}
{{- else if .Values.inference.enabled -}}
{{- printf "http://%s:%d/v1" (include "hearth.inferenceName" .) (int .Values.inference.port) -}}
{{- end -}}
{{- end -}}

{{/* The public address: publicUrl, else https:// plus the first ingress host, else empty. */}}
{{- define "hearth.publicUrl" -}}
{{- if .Values.publicUrl -}}
{{- trimSuffix "/" .Values.publicUrl -}}
{{- else if and .Values.ingress.enabled .Values.ingress.hosts -}}
{{- printf "https://%s" (first .Values.ingress.hosts).host -}}
{{- end -}}
{{- end -}}

{{- define "hearth.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{/*
The folder of the audit anchor file, where its volume is mounted; the path must be an absolute file path in a
folder of its own.
*/}}
{{- define "hearth.auditAnchorDir" -}}
{{- $path := .Values.auditAnchor.file.path -}}
{{- $dir := dir $path -}}
{{- if or (not (isAbs $path)) (eq $dir "/") (has $dir (list "/config" "/var/lib/hearth" "/tmp" "/etc/hearth/crypto")) -}}
{{- fail (printf "auditAnchor.file.path must be an absolute file path in a folder of its own (not /, /config, /var/lib/hearth, /tmp or /etc/hearth/crypto), got '%s'" $path) -}}
{{- end -}}
{{- $dir -}}
{{- end }}
