package dev.candleflow.simulator.binance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JSON is written with single quotes here for readability; {@link #q} turns them into '"'. */
class BinanceRequestHandlerTest {

    private final BinanceRequestHandler handler = new BinanceRequestHandler();
    private final StreamSubscriptions subs = new StreamSubscriptions(false);

    @Test
    void subscribeIsAcknowledgedAndRecorded() {
        BinanceRequestHandler.Reply reply =
                handle("{'method':'SUBSCRIBE','params':['btcusdt@trade'],'id':1}");
        assertThat(reply.json()).isEqualTo(q("{'result':null,'id':1}"));
        assertThat(reply.subscribed()).isTrue();
        assertThat(subs.contains("btcusdt@trade")).isTrue();
    }

    @Test
    void listShowsSubscriptionsInOrderAndUnsubscribeRemoves() {
        handle("{'method':'SUBSCRIBE','params':['b@trade','a@trade'],'id':1}");
        assertThat(reply("{'method':'LIST_SUBSCRIPTIONS','id':3}"))
                .isEqualTo(q("{'result':['b@trade','a@trade'],'id':3}"));
        BinanceRequestHandler.Reply reply =
                handle("{'method':'UNSUBSCRIBE','params':['b@trade'],'id':312}");
        assertThat(reply.json()).isEqualTo(q("{'result':null,'id':312}"));
        assertThat(reply.subscribed()).isFalse();
        assertThat(subs.list()).containsExactly("a@trade");
    }

    @Test
    void combinedPropertyCanBeSetAndRead() {
        assertThat(reply("{'method':'SET_PROPERTY','params':['combined',true],'id':5}"))
                .isEqualTo(q("{'result':null,'id':5}"));
        assertThat(subs.combined()).isTrue();
        assertThat(reply("{'method':'GET_PROPERTY','params':['combined'],'id':2}"))
                .isEqualTo(q("{'result':true,'id':2}"));
    }

    @Test
    void propertyErrorsUseBinanceCodes() {
        assertThat(reply("{'method':'GET_PROPERTY','params':['x'],'id':2}"))
                .isEqualTo(q("{'error':{'code':0,'msg':'Unknown property'},'id':2}"));
        assertThat(reply("{'method':'SET_PROPERTY','params':['combined',1],'id':2}"))
                .isEqualTo(
                        q(
                                "{'error':{'code':1,'msg':'Invalid value type: expected Boolean'},"
                                        + "'id':2}"));
        assertThat(reply("{'method':'SET_PROPERTY','params':['combined',true,1],'id':2}"))
                .contains("too many parameters");
        assertThat(reply("{'method':'GET_PROPERTY','params':[7],'id':2}"))
                .contains("property name must be a string");
    }

    @Test
    void unknownMethodIsAnInvalidRequest() {
        assertThat(reply("{'method':'FOO','params':[],'id':7}"))
                .startsWith(q("{'error':{'code':2,'msg':'Invalid request: unknown variant `FOO`"))
                .endsWith(q(",'id':7}"));
    }

    @Test
    void missingMethodIsAnInvalidRequest() {
        assertThat(reply("{'params':[],'id':8}"))
                .isEqualTo(
                        q(
                                "{'error':{'code':2,'msg':'Invalid request: missing field"
                                        + " `method`'},'id':8}"));
    }

    @Test
    void malformedJsonIsCodeThreeWithNullId() {
        assertThat(reply("{'method':"))
                .startsWith(q("{'error':{'code':3,'msg':'Invalid JSON: expected value at line 1"))
                .endsWith(q("'id':null}"));
    }

    @Test
    void stringAndNullIdsAreEchoed() {
        assertThat(reply("{'method':'LIST_SUBSCRIPTIONS','id':'abc123'}"))
                .isEqualTo(q("{'result':[],'id':'abc123'}"));
        assertThat(reply("{'method':'LIST_SUBSCRIPTIONS','id':null}"))
                .isEqualTo(q("{'result':[],'id':null}"));
    }

    @Test
    void badIdOrParamsAreInvalidRequests() {
        assertThat(reply("{'method':'LIST_SUBSCRIPTIONS','id':1.5}"))
                .contains("request ID must be an unsigned integer");
        assertThat(reply("{'method':'LIST_SUBSCRIPTIONS','id':'has space'}"))
                .contains("request ID must be an unsigned integer");
        assertThat(reply("{'method':'SUBSCRIBE','params':'btcusdt@trade','id':1}"))
                .contains(q("'code':2"));
        assertThat(reply("{'method':'SUBSCRIBE','params':[1],'id':1}")).contains(q("'code':2"));
        assertThat(reply("[1,2]")).contains(q("'code':2"));
        assertThat(subs.list()).isEmpty();
    }

    private BinanceRequestHandler.Reply handle(String singleQuoted) {
        return handler.handle(q(singleQuoted), subs);
    }

    private String reply(String singleQuoted) {
        return handle(singleQuoted).json();
    }

    private static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }
}
