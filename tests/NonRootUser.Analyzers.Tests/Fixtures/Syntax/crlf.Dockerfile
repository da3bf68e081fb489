FROM alpine:3.20 AS base
# install tools
RUN apk add --no-cache curl \
  # comment inside the continuation
    && adduser -D app
RUN <<EOF
echo hi
EOF
USER app
