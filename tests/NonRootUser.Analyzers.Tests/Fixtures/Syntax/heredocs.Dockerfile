FROM alpine
RUN <<-"SETUP" sh
	set -eu
	adduser -D app
	SETUP
COPY <<CONF <<'EXTRA' /etc/app/
port=$PORT
CONF
raw=$RAW
EXTRA
USER app
