package dev.wafer.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A request as a test builds it: a method, cookies, headers, form fields. */
final class TestRequest implements WebRequest {
    String method = "GET";
    final List<String> cookieHeaders = new ArrayList<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    final Map<String, String> form = new LinkedHashMap<>();
    String remoteAddress = "192.0.2.10";
    String origin = "https://app.example";

    static TestRequest get() {
        return new TestRequest();
    }

    static TestRequest post() {
        TestRequest r = new TestRequest();
        r.method = "POST";
        return r;
    }

    TestRequest cookies(String cookieHeader) {
        if (cookieHeader != null && !cookieHeader.isEmpty()) {
            cookieHeaders.add(cookieHeader);
        }
        return this;
    }

    TestRequest header(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    TestRequest field(String name, String value) {
        form.put(name, value);
        return this;
    }

    TestRequest from(String address) {
        this.remoteAddress = address;
        return this;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public List<String> cookieHeaders() {
        return cookieHeaders;
    }

    @Override
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public String formField(String name) {
        return form.get(name);
    }
}
