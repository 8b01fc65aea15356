{{/*
The platform's services and how they call each other: a fact of the code, not a setting.
  key       their block in values.yaml
  database  whether they own a database (a block under postgresql); the gateway's holds the rate-limit
            buckets its replicas share
  calls     the services whose HTTP port they call
  watches   the services whose management port they read (the gateway reads its upstreams' readiness)
  exposed   reached from outside the cluster, through the Ingress
*/}}
{{- define "syndication.services" -}}
partner-service:
  key: partnerService
  database: true
  calls: []
  watches: []
  exposed: false
content-service:
  key: contentService
  database: true
  calls: [partner-service]
  watches: []
  exposed: false
schedule-service:
  key: scheduleService
  database: true
  calls: [content-service]
  watches: []
  exposed: false
gateway:
  key: gateway
  database: true
  calls: [partner-service, content-service, schedule-service]
  watches: [partner-service, content-service, schedule-service]
  exposed: true
{{- end }}

{{/* The ports every service listens on; the services read them from PORT and MANAGEMENT_PORT. */}}
{{- define "syndication.httpPort" -}}8080{{- end }}
{{- define "syndication.managementPort" -}}9000{{- end }}

{{/* A service's Kubernetes name: <release>-<service>. Args: root, name. */}}
{{- define "syndication.fullname" -}}
{{- $fullname := printf "%s-%s" .root.Release.Name .name -}}
{{- if gt (len $fullname) 63 -}}
{{- fail (printf "release name %q is too long: %q exceeds the 63 characters of a Service name" .root.Release.Name $fullname) -}}
{{- end -}}
{{- $fullname -}}
{{- end }}

{{/* Labels that select a service's pods. Args: root, name. */}}
{{- define "syndication.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end }}

{{/* Labels of every object of a service. Args: root, name. */}}
{{- define "syndication.labels" -}}
{{ include "syndication.selectorLabels" . }}
app.kubernetes.io/part-of: syndication
app.kubernetes.io/version: {{ include "syndication.imageTag" .root | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The tag the images carry: the chart's appVersion unless image.tag says otherwise. */}}
{{- define "syndication.imageTag" -}}
{{- .Values.image.tag | default .Chart.AppVersion -}}
{{- end }}

{{/* <registry>/syndication/<service>:<tag>[-native]. Args: root, name. */}}
{{- define "syndication.image" -}}
{{- $registry := required "image.registry is required: the registry the images were pushed to" .root.Values.image.registry | trimSuffix "/" -}}
{{- $tag := include "syndication.imageTag" .root -}}
{{- if eq .root.Values.image.variant "native" -}}
{{- $tag = printf "%s-native" $tag -}}
{{- end -}}
{{- printf "%s/syndication/%s:%s" $registry .name $tag -}}
{{- end }}

{{/* The user the image runs as: UBI OpenJDK images have jboss (185), Quarkus' native base image 1001. */}}
{{- define "syndication.uid" -}}
{{- if eq .Values.image.variant "native" -}}1001{{- else -}}185{{- end -}}
{{- end }}

{{/*
A service's settings: values.defaults with the service's own block laid over it, key by key at every
depth. (Sprig's mergeOverwrite would keep a default true when the service says false.) Args: base, override.
*/}}
{{- define "syndication.merge" -}}
{{- $merged := deepCopy .base -}}
{{- range $key, $value := .override -}}
{{- if and (kindIs "map" $value) (kindIs "map" (get $merged $key)) -}}
{{- $_ := set $merged $key (include "syndication.merge" (dict "base" (get $merged $key) "override" $value) | fromYaml) -}}
{{- else -}}
{{- $_ := set $merged $key $value -}}
{{- end -}}
{{- end -}}
{{- toYaml $merged -}}
{{- end }}

{{/* Args: root, service (an entry of syndication.services). */}}
{{- define "syndication.settings" -}}
{{- include "syndication.merge" (dict "base" .root.Values.defaults "override" (get .root.Values .service.key | default dict)) -}}
{{- end }}

{{/* Selector of a service's pods as a NetworkPolicyPeer in the release's namespace. Args: root, name. */}}
{{- define "syndication.peer" -}}
- podSelector:
    matchLabels:
      {{- include "syndication.selectorLabels" . | nindent 6 }}
{{- end }}

{{/* The Keycloak realm URL tokens are issued by. */}}
{{- define "syndication.oidcUrl" -}}
{{- $url := required "keycloak.url is required: Keycloak's base URL as the services reach it" .Values.keycloak.url | trimSuffix "/" -}}
{{- printf "%s/realms/%s" $url .Values.keycloak.realm -}}
{{- end }}

{{/* publicUrl without a trailing slash: the URL partners call. */}}
{{- define "syndication.publicUrl" -}}
{{- required "publicUrl is required: the URL partners call, e.g. https://api.syndication.example" .Values.publicUrl | trimSuffix "/" -}}
{{- end }}

{{/* The realm as partners and browsers reach it: under keycloak.publicUrl when set, else as OIDC_URL. */}}
{{- define "syndication.publicRealmUrl" -}}
{{- $realm := include "syndication.oidcUrl" . -}}
{{- with .Values.keycloak.publicUrl -}}
{{- $realm = printf "%s/realms/%s" (trimSuffix "/" .) $.Values.keycloak.realm -}}
{{- end -}}
{{- $realm -}}
{{- end }}

{{/* The token endpoint partners use: in the realm as they reach it. */}}
{{- define "syndication.tokenUrl" -}}
{{- printf "%s/protocol/openid-connect/token" (include "syndication.publicRealmUrl" .) -}}
{{- end }}

{{/* Where the console signs its users in: console.issuer when set, else the realm as browsers reach it. */}}
{{- define "syndication.consoleIssuer" -}}
{{- .Values.console.issuer | default (include "syndication.publicRealmUrl" .) | trimSuffix "/" -}}
{{- end }}

{{/* The Kafka brokers' bootstrap address: host:port[,host:port...]. */}}
{{- define "syndication.kafkaBootstrapServers" -}}
{{- required "kafka.bootstrapServers is required: the Kafka brokers' host:port, e.g. events-kafka-bootstrap:9092" .Values.kafka.bootstrapServers -}}
{{- end }}

{{/*
Ports the Kafka brokers are reached on: kafka.networkPolicy.ports, else those of bootstrapServers (a
broker advertises its own address on its listener's port, which is the bootstrap Service's).
*/}}
{{- define "syndication.kafkaPorts" -}}
{{- $ports := .Values.kafka.networkPolicy.ports -}}
{{- if not $ports -}}
{{- range splitList "," (.Values.kafka.bootstrapServers | default "kafka:9092") -}}
{{- $ports = append $ports (splitList ":" . | last | int) -}}
{{- end -}}
{{- end -}}
{{- range uniq $ports }}
- port: {{ . }}
  protocol: TCP
{{- end }}
{{- end }}

{{/* Ports Keycloak is reached on: keycloak.networkPolicy.ports, else the URL's own. */}}
{{- define "syndication.keycloakPorts" -}}
{{- $ports := .Values.keycloak.networkPolicy.ports -}}
{{- if not $ports -}}
{{- $url := urlParse (.Values.keycloak.url | default "https://keycloak") -}}
{{- $hostAndPort := splitList ":" $url.host -}}
{{- if gt (len $hostAndPort) 1 -}}
{{- $ports = list (last $hostAndPort | int) -}}
{{- else if eq $url.scheme "http" -}}
{{- $ports = list 80 -}}
{{- else -}}
{{- $ports = list 443 -}}
{{- end -}}
{{- end -}}
{{- range $ports }}
- port: {{ . }}
  protocol: TCP
{{- end }}
{{- end }}
