{{/*
Each service's environment, in the variables its application.properties reads. A production start
without a required one fails, naming it; so every such value is required here too.
Args of each: root, name, service (an entry of syndication.services), settings.
*/}}
{{- define "syndication.env" -}}
- name: PORT
  value: {{ include "syndication.httpPort" . | quote }}
- name: MANAGEMENT_PORT
  value: {{ include "syndication.managementPort" . | quote }}
- name: OIDC_URL
  value: {{ include "syndication.oidcUrl" .root | quote }}
- name: OIDC_AUDIENCE
  value: {{ .root.Values.keycloak.audience | quote }}
# problem type URIs resolve to the gateway's problem pages
- name: PROBLEM_TYPE_BASE
  value: {{ printf "%s/problems/" (include "syndication.publicUrl" .root) | quote }}
# the brokers of the domain events (Quarkus' kafka.bootstrap.servers): every service, the gateway
# included, so that publishing or reading events never needs a change of the chart
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ include "syndication.kafkaBootstrapServers" .root | quote }}
{{- if ne .root.Values.image.variant "native" }}
# read by the UBI OpenJDK images' run-java.sh; JAVA_OPTS_APPEND is left alone, Quarkus' image sets it
- name: JAVA_MAX_MEM_RATIO
  value: {{ .settings.maxHeapPercentage | int | quote }}
{{- end }}
{{- if .service.database }}
{{- include "syndication.env.database" . }}
{{- end }}
{{- range .service.calls }}
- name: {{ printf "%s_URL" (. | upper | replace "-" "_") }}
  value: {{ printf "http://%s" (include "syndication.fullname" (dict "root" $.root "name" .)) | quote }}
{{- end }}
{{- range .service.watches }}
- name: {{ printf "%s_MANAGEMENT_URL" (. | upper | replace "-" "_") }}
  value: {{ printf "http://%s:%s" (include "syndication.fullname" (dict "root" $.root "name" .)) (include "syndication.managementPort" .) | quote }}
{{- end }}
{{- include (printf "syndication.env.%s" .name) . }}
{{- with .settings.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "syndication.env.database" -}}
{{- $db := get .root.Values.postgresql .service.key }}
- name: DB_HOST
  value: {{ required "postgresql.host is required: the database server's host" .root.Values.postgresql.host | quote }}
- name: DB_PORT
  value: {{ .root.Values.postgresql.port | quote }}
- name: DB_NAME
  value: {{ $db.database | quote }}
- name: DB_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ required (printf "postgresql.%s.existingSecret is required: the Secret with %s's database credentials" .service.key .name) $db.existingSecret }}
      key: {{ $db.usernameKey }}
- name: DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $db.existingSecret }}
      key: {{ $db.passwordKey }}
{{- if $db.poolSize }}
- name: DB_POOL_SIZE
  value: {{ $db.poolSize | int | quote }}
{{- end }}
{{- end }}

{{/* partner-service manages partners' users and clients through Keycloak's admin API. */}}
{{- define "syndication.env.partner-service" }}
- name: KEYCLOAK_URL
  value: {{ .root.Values.keycloak.url | trimSuffix "/" | quote }}
- name: KEYCLOAK_ADMIN_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ required "keycloak.adminClient.existingSecret is required: the Secret with partner-service's client secret" .root.Values.keycloak.adminClient.existingSecret }}
      key: {{ .root.Values.keycloak.adminClient.secretKey }}
{{- end }}

{{- define "syndication.env.content-service" -}}
{{- end }}

{{- define "syndication.env.schedule-service" -}}
{{- end }}

{{- define "syndication.env.gateway" }}
- name: GATEWAY_PUBLIC_URL
  value: {{ include "syndication.publicUrl" .root | quote }}
# the token endpoint the OpenAPI document's client-credentials flow declares
- name: GATEWAY_TOKEN_URL
  value: {{ include "syndication.tokenUrl" .root | quote }}
# the console's sign-in: the realm as browsers reach it, and its public client there
- name: GATEWAY_CONSOLE_ISSUER
  value: {{ include "syndication.consoleIssuer" .root | quote }}
- name: GATEWAY_CONSOLE_CLIENT_ID
  value: {{ .root.Values.console.clientId | quote }}
{{- with .root.Values.ingress.controller.trustedProxies }}
- name: GATEWAY_TRUSTED_PROXIES
  value: {{ join "," . | quote }}
{{- end }}
{{- with .root.Values.corsOrigins }}
- name: CORS_ORIGINS
  value: {{ join "," . | quote }}
{{- end }}
{{- end }}
