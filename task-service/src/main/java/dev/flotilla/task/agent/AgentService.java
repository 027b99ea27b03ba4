package dev.flotilla.task.agent;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.json.MergePatch;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.task.config.TaskConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The agent registry: registration, edits, lifecycle (activate, deactivate, drain), heartbeats
 * and memory. Liveness (ONLINE/OFFLINE) is never stored: it is derived from the last heartbeat.
 */
@ApplicationScoped
public class AgentService {

    private final AgentRepository agents;
    private final TaskConfig config;
    private final Pool pool;

    public AgentService(AgentRepository agents, TaskConfig config, Pool pool) {
        this.agents = agents;
        this.config = config;
        this.pool = pool;
    }

    @WithTransaction
    public Uni<AgentView> create(UUID tenant, CreateAgent request) {
        return agents.findByName(tenant, request.name()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(duplicate(request.name()));
            }
            Instant now = now();
            Agent agent = new Agent();
            agent.id = Ids.next();
            agent.tenantId = tenant;
            agent.name = request.name().strip();
            agent.type = request.type();
            agent.capabilities = distinct(request.capabilities());
            agent.tools = distinct(request.tools());
            agent.modelPreference = request.modelPreference();
            agent.config = request.config() == null ? new LinkedHashMap<>() : request.config();
            agent.memory = checkedMemory(request.memory() == null ? new LinkedHashMap<>() : request.memory());
            agent.lifecycle = AgentLifecycle.ACTIVE;
            agent.createdAt = now;
            agent.updatedAt = now;
            return agents.persist(agent).map(this::view);
        });
    }

    @WithSession
    public Uni<Page<AgentView>> list(UUID tenant, AgentFilter filter, PageParams page) {
        return agents.page(tenant, filter, onlineSince(), page.after(), page.limit() + 1)
                .map(rows -> Page.fromOverfetch(rows, page.limit(), agent -> Cursor.of(agent.id)).map(this::view));
    }

    @WithSession
    public Uni<AgentView> get(UUID tenant, UUID id) {
        return existing(tenant, id, false).map(this::view);
    }

    @WithTransaction
    public Uni<AgentView> update(UUID tenant, UUID id, UpdateAgent request) {
        return existing(tenant, id, true).chain(agent -> {
            Uni<Void> nameFree = request.name() == null || request.name().strip().equals(agent.name)
                    ? Uni.createFrom().voidItem()
                    : agents.findByName(tenant, request.name().strip()).chain(other -> other == null
                            ? Uni.createFrom().voidItem()
                            : Uni.createFrom().failure(duplicate(request.name())));
            return nameFree.map(ignored -> {
                if (request.name() != null) {
                    agent.name = request.name().strip();
                }
                if (request.type() != null) {
                    agent.type = request.type();
                }
                if (request.capabilities() != null) {
                    agent.capabilities = distinct(request.capabilities());
                }
                if (request.tools() != null) {
                    agent.tools = distinct(request.tools());
                }
                if (request.modelPreference() != null) {
                    agent.modelPreference = request.modelPreference();
                }
                if (request.config() != null) {
                    agent.config = request.config();
                }
                agent.updatedAt = now();
                return view(agent);
            });
        });
    }

    /**
     * Removes the agent from the registry. Tasks it still holds are not taken from it at once:
     * their leases expire and they go back to the queue like those of a crashed agent.
     */
    @WithTransaction
    public Uni<Void> delete(UUID tenant, UUID id) {
        return existing(tenant, id, true).chain(agents::delete);
    }

    @WithTransaction
    public Uni<AgentView> changeLifecycle(UUID tenant, UUID id, AgentLifecycle target) {
        return existing(tenant, id, true).map(agent -> {
            if (target == AgentLifecycle.DRAINING && agent.lifecycle == AgentLifecycle.INACTIVE) {
                throw new Conflict("Agent " + id + " is INACTIVE; only an ACTIVE agent can be drained");
            }
            if (agent.lifecycle != target) {
                agent.lifecycle = target;
                agent.updatedAt = now();
            }
            return view(agent);
        });
    }

    /** Records a sign of life and answers which of the agent's running tasks should be cancelled. */
    public Uni<AgentHeartbeatView> heartbeat(UUID tenant, UUID id) {
        return touch(tenant, id).chain(agent -> AgentSql.cancelRequested(pool, tenant, id)
                .map(cancel -> {
                    AgentView view = view(agent);
                    return new AgentHeartbeatView(view.id(), view.lifecycle(), view.status(), view.lastHeartbeatAt(), cancel);
                }));
    }

    private Uni<Agent> touch(UUID tenant, UUID id) {
        return Panache.withTransaction(() -> existing(tenant, id, true).invoke(agent -> agent.lastHeartbeatAt = now()));
    }

    /** Merges a JSON Merge Patch into the agent's memory, under a row lock so concurrent merges both land. */
    @WithTransaction
    @SuppressWarnings("unchecked")
    public Uni<AgentView> mergeMemory(UUID tenant, UUID id, Map<String, Object> patch) {
        checkedMemory(patch);
        return existing(tenant, id, true).map(agent -> {
            agent.memory = (Map<String, Object>) MergePatch.apply(agent.memory, patch);
            agent.updatedAt = now();
            return view(agent);
        });
    }

    private Uni<Agent> existing(UUID tenant, UUID id, boolean lock) {
        return (lock ? agents.findForUpdate(tenant, id) : agents.find(tenant, id))
                .onItem().ifNull().failWith(() -> new NotFound("agent", id));
    }

    private AgentView view(Agent agent) {
        return AgentView.of(agent, onlineSince());
    }

    private Instant onlineSince() {
        return now().minus(config.agents().offlineAfter());
    }

    private static Map<String, Object> checkedMemory(Map<String, Object> memory) {
        for (String member : memory.keySet()) {
            if (!AgentMemory.MEMBERS.contains(member)) {
                throw new BadRequest("memory." + member, "unknown member; memory holds facts, decisions and context");
            }
        }
        return memory;
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? new ArrayList<>() : new ArrayList<>(values.stream().map(String::strip).distinct().toList());
    }

    private static Conflict duplicate(String name) {
        return new Conflict("An agent named '" + name.strip() + "' already exists");
    }

    /** Microsecond precision, as PostgreSQL stores it, so that what is answered is what is stored. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
